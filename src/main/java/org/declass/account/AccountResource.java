package org.declass.account;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User administration over the API, for administrators only (docs/operations.md, "User administration"). */
@Path("/api/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {

    @Inject
    AccountAdmin accounts;

    @Inject
    CurrentReader reader;

    @GET
    @Operation(summary = "Every account, by name", description = "Roles, clearance, NOFORN eligibility, whether it is"
            + " disabled, its source (LOCAL or SSO), whether a second factor is enrolled, when it was created.")
    public List<AccountView> list() {
        return accounts.list();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One account")
    public AccountView get(@PathParam("username") String username) {
        return accounts.find(username);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a local account", description = "{username, password, roles, clearance, noforn};"
            + " 201 with its Location. 400 naming the problem (user name syntax, unknown role or clearance, the"
            + " password policy), 403 for a clearance the administrator does not hold, 409 for a name taken.")
    public Response create(AccountInput input) {
        AccountView created = accounts.create(reader.get(), input);
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's roles, clearance and NOFORN eligibility, and optionally a new password",
            description = "Its sessions end. 403 for raising one's own roles or clearance, or for an account cleared"
                    + " above the administrator; 409 for an SSO account or for the last enabled administrator.")
    public AccountView change(@PathParam("username") String username, AccountInput input) {
        return accounts.change(reader.get(), username, input);
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable an account", description = "It can no longer sign in; its sessions end now. 409"
            + " for one's own account or the last enabled administrator.")
    public AccountView disable(@PathParam("username") String username) {
        return accounts.disable(reader.get(), username);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Enable a disabled account")
    public AccountView enable(@PathParam("username") String username) {
        return accounts.enable(reader.get(), username);
    }

    @POST
    @Path("/{username}/second-factor/reset")
    @Operation(summary = "Reset an account's second factor", description = "Forgets its TOTP secret: it enrols again"
            + " at its next sign-in. Its sessions end. 409 for an SSO account.")
    public AccountView resetSecondFactor(@PathParam("username") String username) {
        return accounts.resetSecondFactor(reader.get(), username);
    }
}
