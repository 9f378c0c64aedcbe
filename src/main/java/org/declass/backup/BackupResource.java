package org.declass.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.identity.SecurityIdentity;
import org.declass.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The online backup, for administrators. */
@Path("/api/admin/backup")
@Tag(name = "Backup")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    @Inject
    BackupService backups;

    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(summary = "Back up the H2 database and the key files now",
            description = "Writes declass-backup-<time>.zip (H2's BACKUP TO, the data directory's key files, a signed"
                    + " manifest) into declass.backup.dir and keeps the newest declass.backup.keep; audited as"
                    + " BACKUP_CREATED. 409 on PostgreSQL, which is backed up with pg_dump.")
    public BackupService.Result backup() {
        if (!backups.supported()) {
            throw new ClientErrorException("this server runs on PostgreSQL: back it up with pg_dump; the jar's"
                    + " backup command prints the invocation (docs/operations.md, \"Backup and restore\")", 409);
        }
        return backups.backup(identity.getPrincipal().getName(), identity.getRoles());
    }
}
