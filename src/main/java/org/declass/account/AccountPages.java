package org.declass.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.marking.ClassificationLevel;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The user administration pages: the list with a form to create an account, and one page per account with its
 * forms (roles and clearance, password, disable or enable, second factor). Plain HTML forms; each post answers 303
 * back to the list with a confirmation, or shows its form again with the refusal under its status (400, 403, 409).
 */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AccountPages {

    /** The confirmations the list shows after a change ({@code ?done=...&user=...}). */
    static final Map<String, String> DONE = Map.of(
            "created", "Account created",
            "changed", "Roles and clearance saved; the account's sessions ended",
            "password", "Password reset; the account's sessions ended",
            "disabled", "Account disabled; its sessions ended",
            "enabled", "Account enabled",
            "second-factor", "Second factor reset; the account enrols again at its next sign-in");

    @Inject
    AccountAdmin accounts;

    @Inject
    CurrentReader reader;

    /** What the create form shows again after a refusal (never the password). */
    public record CreateForm(String username, List<String> roles, String clearance, boolean noforn) {
        static final CreateForm EMPTY = new CreateForm("", List.of(), "", false);

        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }

    /** The roles and clearances the forms offer. */
    public record Choices(List<String> roles, List<String> clearances) {
        static final Choices ALL = new Choices(Roles.ALL,
                Arrays.stream(ClassificationLevel.values()).map(ClassificationLevel::displayName).toList());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AccountView> accounts, String done, String error, CreateForm form,
                                            Choices choices);

        static native TemplateInstance edit(AccountView account, String error, Choices choices);
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("user") String user) {
        String message = done == null ? null : DONE.get(done);
        if (message != null && user != null && AccountAdmin.USERNAME.matcher(user).matches()) {
            message += ": " + user;
        }
        return Templates.list(accounts.list(), message, null, CreateForm.EMPTY, Choices.ALL);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm List<String> roles,
                           @RestForm String clearance, @RestForm String noforn) {
        AccountInput input = new AccountInput(username, password, roles, clearance, noforn != null);
        try {
            AccountView created = accounts.create(reader.get(), input);
            return done("created", created.username());
        } catch (AccountRefused e) {
            CreateForm again = new CreateForm(username == null ? "" : username, roles == null ? List.of() : roles,
                    clearance == null ? "" : clearance, noforn != null);
            return Response.status(e.status())
                    .entity(Templates.list(accounts.list(), null, e.getMessage(), again, Choices.ALL)).build();
        }
    }

    @GET
    @Path("/{username}")
    public TemplateInstance edit(@PathParam("username") String username) {
        return Templates.edit(accounts.find(username), null, Choices.ALL);
    }

    @POST
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("username") String username, @RestForm List<String> roles,
                          @RestForm String clearance, @RestForm String noforn) {
        AccountInput input = new AccountInput(null, null, roles, clearance, noforn != null);
        return onEditPage(username, "changed", () -> accounts.change(reader.get(), username, input));
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("username") String username, @RestForm String password) {
        return onEditPage(username, "password", () -> accounts.resetPassword(reader.get(), username, password));
    }

    @POST
    @Path("/{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return onEditPage(username, "disabled", () -> accounts.disable(reader.get(), username));
    }

    @POST
    @Path("/{username}/enable")
    public Response enable(@PathParam("username") String username) {
        return onEditPage(username, "enabled", () -> accounts.enable(reader.get(), username));
    }

    @POST
    @Path("/{username}/second-factor/reset")
    public Response resetSecondFactor(@PathParam("username") String username) {
        return onEditPage(username, "second-factor", () -> accounts.resetSecondFactor(reader.get(), username));
    }

    /** Runs a change of one account: 303 to the list, or its page again with the refusal (an unknown one: 404). */
    private Response onEditPage(String username, String done, Supplier<AccountView> change) {
        try {
            return done(done, change.get().username());
        } catch (AccountRefused.NotFound e) {
            throw e;
        } catch (AccountRefused e) {
            return Response.status(e.status())
                    .entity(Templates.edit(accounts.find(username), e.getMessage(), Choices.ALL)).build();
        }
    }

    private static Response done(String what, String username) {
        return Response.seeOther(URI.create("/admin/users?done=" + what + "&user="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).build();
    }
}
