package org.declass.signin;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie's token, to be turned into the signed-in identity by {@link SessionIdentityProvider}. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
