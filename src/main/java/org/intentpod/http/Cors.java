package org.intentpod.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * CORS as the Solid Protocol requires, on Jetty's {@link CrossOriginHandler}: every origin is reflected
 * (never {@code *}) with credentials allowed, because access is decided by DPoP tokens, never by cookies
 * on pod resources; preflights are answered here, before any authentication. Jetty allows a fixed header
 * list, while Solid asks to echo the requested headers, so a thin wrapper adds that echo.
 */
public final class Cors {
    static final Set<String> EXPOSED = Set.of("Link", "Location", "ETag", "Last-Modified", "WAC-Allow", "Accept-Patch",
            "Accept-Post", "Accept-Put", "Allow", "WWW-Authenticate", "Updates-Via", "Content-Type", "Vary", "Preference-Applied");

    private Cors() {
    }

    public static Handler wrap(Handler next) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of(".*"));
        cors.setAllowCredentials(true);
        cors.setAllowedMethods(Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(Set.of());
        cors.setExposedHeaders(EXPOSED);
        cors.setHandler(next);
        return new EchoRequestedHeaders(cors);
    }

    /** Answers a preflight's Access-Control-Request-Headers with the same list. */
    private static final class EchoRequestedHeaders extends Handler.Wrapper {
        EchoRequestedHeaders(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String requested = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            if (requested != null && HttpMethod.OPTIONS.is(request.getMethod()) && request.getHeaders().contains(HttpHeader.ORIGIN)) {
                response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, requested);
            }
            return super.handle(request, response, callback);
        }
    }
}
