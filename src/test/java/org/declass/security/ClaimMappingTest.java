package org.declass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.declass.marking.ClassificationLevel;
import org.junit.jupiter.api.Test;

/** The claims of an identity provider's token, as Declass reads them (docs/operations.md, "Single sign-on"). */
class ClaimMappingTest {

    static final ClaimMapping DEFAULTS = new ClaimMapping("preferred_username", "declass_roles", Map.of(),
            "declass_clearance", "declass_noforn");

    static Map<String, Object> claims(Object... keyValues) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            claims.put((String) keyValues[i], keyValues[i + 1]);
        }
        return claims;
    }

    @Test
    void theDefaultClaimsGiveTheUserNameRolesClearanceAndNofornEligibility() {
        ClaimMapping.Mapped m = DEFAULTS.map(claims("preferred_username", "Rita", "declass_roles",
                List.of("reviewer", "APPROVER"), "declass_clearance", "secret", "declass_noforn", true)).orElseThrow();
        assertThat(m.username()).isEqualTo("rita");
        assertThat(m.roles()).containsExactlyInAnyOrder(Roles.REVIEWER, Roles.APPROVER);
        assertThat(m.clearance()).isEqualTo(ClassificationLevel.SECRET);
        assertThat(m.noforn()).isTrue();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void aUserWithoutAClearanceClaimHasNoneAndIsNotNofornEligible() {
        ClaimMapping.Mapped m = DEFAULTS.map(claims("preferred_username", "sam", "declass_roles", List.of("reviewer")))
                .orElseThrow();
        assertThat(m.clearance()).isEqualTo(ClassificationLevel.UNCLASSIFIED);
        assertThat(m.noforn()).isFalse();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void anUnknownClearanceValueIsNoClearanceAndAProblemToLog() {
        for (Object odd : new Object[] {"SECRET//NOFORN", "S", "cosmic", 3, List.of("SECRET", "TOP_SECRET")}) {
            ClaimMapping.Mapped m = DEFAULTS.map(claims("preferred_username", "sam", "declass_clearance", odd))
                    .orElseThrow();
            assertThat(m.clearance()).as(String.valueOf(odd)).isEqualTo(ClassificationLevel.UNCLASSIFIED);
            assertThat(m.problems()).as(String.valueOf(odd)).singleElement().asString()
                    .contains("declass_clearance");
        }
    }

    @Test
    void everyClearanceNameIsReadInAnyCaseAndWithASpaceForTopSecret() {
        assertThat(DEFAULTS.map(claims("preferred_username", "a", "declass_clearance", "top secret")).orElseThrow()
                .clearance()).isEqualTo(ClassificationLevel.TOP_SECRET);
        assertThat(DEFAULTS.map(claims("preferred_username", "a", "declass_clearance", " Confidential "))
                .orElseThrow().clearance()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
        assertThat(DEFAULTS.map(claims("preferred_username", "a", "declass_clearance", List.of("TOP_SECRET")))
                .orElseThrow().clearance()).isEqualTo(ClassificationLevel.TOP_SECRET);
    }

    @Test
    void unknownRolesAreDropped() {
        ClaimMapping.Mapped m = DEFAULTS.map(claims("preferred_username", "sam", "declass_roles",
                List.of("offline_access", "reviewer", "default-roles-declass", "superuser"))).orElseThrow();
        assertThat(m.roles()).containsExactly(Roles.REVIEWER);
    }

    @Test
    void rolesMayComeAsOneStringSeparatedByCommasOrSpaces() {
        assertThat(DEFAULTS.map(claims("preferred_username", "sam", "declass_roles", "reviewer, auditor approver"))
                .orElseThrow().roles()).containsExactlyInAnyOrder(Roles.REVIEWER, Roles.AUDITOR, Roles.APPROVER);
    }

    @Test
    void aDottedRolesClaimReachesIntoNestedObjectsAsKeycloaksRealmAccessRoles() {
        ClaimMapping keycloak = new ClaimMapping("preferred_username", "realm_access.roles", Map.of(),
                "declass_clearance", "declass_noforn");
        Map<String, Object> claims = claims("preferred_username", "sam",
                "realm_access", Map.of("roles", List.of("approver", "offline_access")));
        assertThat(keycloak.map(claims).orElseThrow().roles()).containsExactly(Roles.APPROVER);
    }

    @Test
    void aClaimWhoseNameHoldsDotsIsReadByItsWholeNameFirst() {
        ClaimMapping namespaced = new ClaimMapping("preferred_username", "https://declass.example/roles", Map.of(),
                "declass_clearance", "declass_noforn");
        assertThat(namespaced.map(claims("preferred_username", "sam", "https://declass.example/roles",
                List.of("auditor"))).orElseThrow().roles()).containsExactly(Roles.AUDITOR);
    }

    @Test
    void withARoleMapOnlyTheMappedNamesCount() {
        ClaimMapping mapped = new ClaimMapping("preferred_username", "groups",
                Map.of("records-officer", "AUDITOR", "review-staff", "reviewer", "odd", "JANITOR"),
                "declass_clearance", "declass_noforn");
        ClaimMapping.Mapped m = mapped.map(claims("preferred_username", "sam",
                "groups", List.of("records-officer", "review-staff", "admin", "ADMIN", "odd"))).orElseThrow();
        assertThat(m.roles()).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.REVIEWER);
        assertThat(m.problems()).singleElement().asString().contains("JANITOR");
    }

    @Test
    void nofornEligibilityNeedsTrueAsABooleanOrAString() {
        assertThat(DEFAULTS.map(claims("preferred_username", "a", "declass_noforn", "TRUE")).orElseThrow().noforn())
                .isTrue();
        assertThat(DEFAULTS.map(claims("preferred_username", "a", "declass_noforn", "false")).orElseThrow()
                .noforn()).isFalse();
        ClaimMapping.Mapped odd = DEFAULTS.map(claims("preferred_username", "a", "declass_noforn", "yes"))
                .orElseThrow();
        assertThat(odd.noforn()).isFalse();
        assertThat(odd.problems()).singleElement().asString().contains("declass_noforn");
    }

    @Test
    void claimsWithoutAUsableUserNameMapToNoUser() {
        assertThat(DEFAULTS.map(claims("sub", "123"))).isEmpty();
        assertThat(DEFAULTS.map(claims("preferred_username", " "))).isEmpty();
        assertThat(DEFAULTS.map(claims("preferred_username", "a".repeat(65)))).isEmpty();
        assertThat(DEFAULTS.map(claims("preferred_username", "rita\nadmin"))).isEmpty();
        assertThat(DEFAULTS.map(claims("preferred_username", List.of("rita")))).isEmpty();
    }

    @Test
    void anotherUserNameClaimCanBeChosen() {
        ClaimMapping byEmail = new ClaimMapping("email", "declass_roles", Map.of(), "declass_clearance",
                "declass_noforn");
        assertThat(byEmail.map(claims("preferred_username", "x", "email", "Rita@Example.org")).orElseThrow()
                .username()).isEqualTo("rita@example.org");
    }

    @Test
    void theSessionPrincipalIsAnSsoOneWithTheMappedFacts() {
        SessionPrincipal p = DEFAULTS.map(claims("preferred_username", "rita", "declass_roles", List.of("auditor"),
                "declass_clearance", "CONFIDENTIAL")).orElseThrow().principal();
        assertThat(p).isEqualTo(new SessionPrincipal("rita", User.SSO, Set.of(Roles.AUDITOR),
                ClassificationLevel.CONFIDENTIAL, false));
    }
}
