package org.intentpod.auth;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/**
 * The browser's side of a login session: an HttpOnly, SameSite=Strict cookie (Secure on https) set for the
 * identity provider's and the web UI's paths only, so a browser never sends it to a pod resource, where
 * only DPoP tokens count (the Solid CORS rules reflect any origin with credentials there). A request
 * counts as coming from the session only from this server's own origin; a state-changing one must also
 * carry the session's CSRF token, as a form field or an {@code X-CSRF-Token} header. Forms shown before
 * anyone is logged in (login, registration) carry a token tied to a short-lived form cookie instead.
 */
public final class BrowserSession {
    static final String COOKIE = "intentpod_session";
    static final String FORM_COOKIE = "intentpod_form";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";
    private static final List<String> PATHS = List.of("/idp", "/ui");
    private static final long FORM_LIFETIME_SECONDS = 3600;
    private final LoginSessions sessions;
    private final String origin;
    private final boolean secure;

    public BrowserSession(LoginSessions sessions, String baseUrl) {
        this.sessions = sessions;
        URI base = URI.create(baseUrl);
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.secure = base.getScheme().equals("https");
    }

    /** The session a request from this server's own pages carries, if any. */
    public Optional<LoginSessions.Session> current(Request request) {
        if (!sameOrigin(request)) {
            return Optional.empty();
        }
        return sessions.find(cookie(request, COOKIE));
    }

    /** The session of a state-changing request: own origin, live session, and its CSRF token presented. */
    LoginSessions.Session forChange(Request request, String presentedCsrf) {
        checkOrigin(request);
        LoginSessions.Session session = sessions.find(cookie(request, COOKIE))
                .orElseThrow(() -> new HttpProblem(401, "Unauthorized", "Log in first: there is no live login session"));
        if (!tokensMatch(session.csrf(), presentedCsrf)) {
            throw forbidden("The CSRF token is missing or wrong: send the one of this session");
        }
        return session;
    }

    /** A state-changing request must not come from another origin (a missing Origin is an old browser or a script). */
    void checkOrigin(Request request) {
        if (!sameOrigin(request)) {
            throw forbidden("Requests from " + request.getHeaders().get(HttpHeader.ORIGIN) + " may not act for a login session here");
        }
    }

    private boolean sameOrigin(Request request) {
        String presented = request.getHeaders().get(HttpHeader.ORIGIN);
        return presented == null || presented.equals(origin);
    }

    LoginSessions.Session open(Response response, String username) {
        LoginSessions.Session session = sessions.start(username);
        for (String path : PATHS) {
            Response.addCookie(response, cookie(COOKIE, session.id(), path, LoginSessions.LIFETIME.toSeconds()));
        }
        return session;
    }

    void close(Request request, Response response) {
        sessions.find(cookie(request, COOKIE)).ifPresent(sessions::end);
        for (String path : PATHS) {
            Response.addCookie(response, cookie(COOKIE, "", path, 0));
        }
    }

    /** The token a pre-login form carries: the form cookie's, set now if the browser has none. */
    String formToken(Request request, Response response) {
        String token = cookie(request, FORM_COOKIE);
        if (token == null || token.length() < 32) {
            token = ClientSecrets.newSecret();
            Response.addCookie(response, cookie(FORM_COOKIE, token, "/idp", FORM_LIFETIME_SECONDS));
        }
        return token;
    }

    /**
     * The fields of a post made before anyone is logged in (login, registration), from this origin only;
     * a form's must also carry the token of its form cookie.
     */
    Map<String, String> preLoginFields(Request request) throws Exception {
        checkOrigin(request);
        Map<String, String> fields = IdpBodies.fields(request);
        if (IdpBodies.isForm(request) && !tokensMatch(cookie(request, FORM_COOKIE), fields.get(CSRF_FIELD))) {
            throw forbidden("The form's CSRF token is missing or wrong: reload the page and try again");
        }
        return fields;
    }

    /** The CSRF token a request presents: the form field, else the header. */
    static String presentedCsrf(Request request, Map<String, String> fields) {
        String field = fields.get(CSRF_FIELD);
        return field != null ? field : request.getHeaders().get(CSRF_HEADER);
    }

    private HttpCookie cookie(String name, String value, String path, long maxAge) {
        return HttpCookie.build(name, value).path(path).maxAge(maxAge).httpOnly(true).secure(secure).sameSite(HttpCookie.SameSite.STRICT).build();
    }

    private static String cookie(Request request, String name) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean tokensMatch(String expected, String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "Forbidden", detail);
    }
}
