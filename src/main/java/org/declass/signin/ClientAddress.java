package org.declass.signin;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client's address as the sign-in guard and the trail count it: the peer's, or the trusted proxy's forwarded
 * one when {@code quarkus.http.proxy.proxy-address-forwarding} is on (Quarkus then rewrites the remote address).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** At most 64 characters; null outside HTTP. */
    public static String of(RoutingContext rc) {
        if (rc == null) {
            return null;
        }
        SocketAddress remote = rc.request().remoteAddress();
        if (remote == null) {
            return null;
        }
        String host = remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        return host == null || host.length() <= 64 ? host : host.substring(0, 64);
    }
}
