package org.declass.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.declass.security.Roles;
import org.declass.security.User;
import org.junit.jupiter.api.Test;

/**
 * Someone must always be able to sign in and administer: the last enabled local administrator can neither be
 * disabled nor lose the ADMIN role. Each test first disables every other account inside its own transaction, which
 * is rolled back at its end, so that the demo "admin" is the last one.
 */
@QuarkusTest
@TestTransaction
class LastAdministratorTest {

    @Inject
    AccountAdmin accounts;

    /** An administrator who signs in through the identity provider: no local account of its own. */
    static final Reader SSO_ADMIN = new Reader("sso-boss", Set.of(Roles.ADMIN), ClassificationLevel.TOP_SECRET, true,
            false);

    /** Called by each test, inside its transaction: a @BeforeEach does not share it. */
    private static void onlyTheDemoAdminIsEnabled() {
        User.update("disabled = true where username <> 'admin'");
        assertThat(User.findByUsername("admin").disabled).isFalse();
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        onlyTheDemoAdminIsEnabled();
        assertThatThrownBy(() -> accounts.disable(SSO_ADMIN, "admin"))
                .isInstanceOf(AccountRefused.Conflict.class)
                .hasMessageContaining("last enabled local administrator");
    }

    @Test
    void theLastEnabledAdministratorCannotLoseTheAdminRoleNotEvenByLoweringThemselves() {
        onlyTheDemoAdminIsEnabled();
        Reader admin = Reader.of(User.findByUsername("admin"));
        AccountInput reviewerOnly = new AccountInput(null, null, List.of(Roles.REVIEWER), "TOP SECRET", true);
        assertThatThrownBy(() -> accounts.change(admin, "admin", reviewerOnly))
                .isInstanceOf(AccountRefused.Conflict.class)
                .hasMessageContaining("last enabled local administrator");
    }

    @Test
    void withASecondEnabledAdministratorTheFirstMayBeDisabled() {
        onlyTheDemoAdminIsEnabled();
        User.update("disabled = false where username = 'approver'");
        User.update("roles = 'APPROVER,ADMIN' where username = 'approver'");
        assertThat(accounts.disable(SSO_ADMIN, "admin").disabled()).isTrue();
    }
}
