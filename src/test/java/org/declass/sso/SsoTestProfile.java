package org.declass.sso;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Single sign-on on, against the test Keycloak ({@link TestKeycloak}), with a role map: Keycloak's realm roles
 * reviewer and approver, and records-officer for AUDITOR. Without a Keycloak configured it stays off, and the tests
 * skip.
 */
public class SsoTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String url = TestKeycloak.url();
        if (url == null) {
            return config;
        }
        config.put("declass.sso.enabled", "true");
        config.put("declass.sso.provider-label", "Keycloak (test)");
        config.put("declass.sso.role-map.reviewer", "REVIEWER");
        config.put("declass.sso.role-map.approver", "APPROVER");
        config.put("declass.sso.role-map.\"records-officer\"", "AUDITOR");
        config.put("quarkus.oidc.auth-server-url", url);
        config.put("quarkus.oidc.client-id", TestKeycloak.CLIENT);
        config.put("quarkus.oidc.credentials.secret", TestKeycloak.SECRET);
        return config;
    }
}
