package org.intentpod.auth;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.json.JsonObject;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/**
 * People's login sessions over HTTP: {@code /idp/login} (the page, and a form or JSON post that opens a
 * session), {@code /idp/logout} (RP-initiated logout: a confirmation, then back to a registered
 * post-logout URI) and {@code /idp/session} (who is logged in, and the CSRF token for scripts and the UI).
 */
final class BrowserLogin {
    private final PasswordLogin login;
    private final Accounts accounts;
    private final BrowserSession browser;
    private final ClientRegistry clients;
    private final SigningKeys keys;
    private final String issuer;

    BrowserLogin(PasswordLogin login, Accounts accounts, BrowserSession browser, ClientRegistry clients, SigningKeys keys, String issuer) {
        this.login = login;
        this.accounts = accounts;
        this.browser = browser;
        this.clients = clients;
        this.keys = keys;
        this.issuer = issuer;
    }

    void login(Request request, Response response) throws Exception {
        if (HttpMethod.GET.is(request.getMethod())) {
            String returnTo = safeReturn(URLUtils.parseParameters(request.getHttpURI().getQuery()).getOrDefault("return_to", List.of("/")).get(0));
            IdpBodies.html(request, response, 200, LoginPages.login(browser.formToken(request, response), returnTo, null));
            return;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, POST");
        }
        boolean form = IdpBodies.isForm(request);
        Map<String, String> fields = browser.preLoginFields(request);
        String returnTo = safeReturn(fields.getOrDefault("return_to", "/"));
        Account account;
        try {
            account = login.login(fields.getOrDefault("username", ""), fields.getOrDefault("password", ""), Request.getRemoteAddr(request));
        } catch (HttpProblem refused) {
            if (!form) {
                throw refused;
            }
            IdpBodies.html(request, response, refused.status(), LoginPages.login(browser.formToken(request, response), returnTo, refused.detail()));
            return;
        }
        LoginSessions.Session session = browser.open(response, account.username());
        if (form) {
            IdpBodies.seeOther(response, returnTo);
            return;
        }
        IdpBodies.json(request, response, 200, describe(account, session));
    }

    void session(Request request, Response response) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, HEAD");
        }
        LoginSessions.Session session = browser.current(request).orElseThrow(() -> new HttpProblem(401, "Unauthorized", "Nobody is logged in"));
        Account account = accounts.find(session.username()).orElseThrow(() -> new HttpProblem(401, "Unauthorized", "The account is gone"));
        IdpBodies.json(request, response, 200, describe(account, session));
    }

    /** {@code GET /idp/logout}: RP-initiated logout asks the person to confirm; {@code POST} ends the session. */
    void logout(Request request, Response response) throws Exception {
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (!post && !HttpMethod.GET.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, POST");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (post) {
            params.putAll(IdpBodies.fields(request));
        } else {
            URLUtils.parseParameters(request.getHttpURI().getQuery()).forEach((name, values) -> params.put(name, values.get(0)));
        }
        Map<String, String> carried = returnToApp(params);
        if (!post) {
            Optional<LoginSessions.Session> session = browser.current(request);
            if (session.isPresent()) {
                IdpBodies.html(request, response, 200, LoginPages.logout(session.get().csrf(), carried));
                return;
            }
        } else {
            browser.forChange(request, BrowserSession.presentedCsrf(request, params));
            browser.close(request, response);
            if (!IdpBodies.isForm(request)) {
                response.setStatus(204);
                return;
            }
        }
        String back = carried.get("post_logout_redirect_uri");
        if (back != null) {
            String state = carried.get("state");
            String query = state == null ? "" : (URI.create(back).getRawQuery() == null ? "?" : "&") + URLUtils.serializeParameters(Map.of("state", List.of(state)));
            IdpBodies.seeOther(response, back + query);
            return;
        }
        IdpBodies.html(request, response, 200, LoginPages.message("Logged out", "You are logged out of your IntentPod."));
    }

    /**
     * Where to go after logout, as the fields the confirmation form carries: only a URI the client (named
     * by client_id or by our ID token) registered for that, with the app's state; empty when nowhere.
     */
    private Map<String, String> returnToApp(Map<String, String> params) {
        String target = params.get("post_logout_redirect_uri");
        if (target == null) {
            return Map.of();
        }
        String clientId = params.get("client_id") != null ? params.get("client_id") : clientOfHint(params.get("id_token_hint"));
        if (clientId == null) {
            throw HttpProblem.badRequest("A post_logout_redirect_uri needs the client: send client_id or id_token_hint");
        }
        try {
            if (!clients.find(clientId).allowsPostLogoutRedirect(new URI(target))) {
                throw HttpProblem.badRequest("The post_logout_redirect_uri " + target + " is not one the client registered");
            }
        } catch (java.net.URISyntaxException | ClientRegistry.UnknownClientException e) {
            throw HttpProblem.badRequest("Cannot log out back to the app: " + e.getMessage());
        }
        Map<String, String> carried = new LinkedHashMap<>();
        carried.put("post_logout_redirect_uri", target);
        carried.put("client_id", clientId);
        if (params.get("state") != null) {
            carried.put("state", params.get("state"));
        }
        return carried;
    }

    /** The client an ID token of ours was issued to; its expiry does not matter for a logout hint. */
    private String clientOfHint(String hint) {
        if (hint == null) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(hint);
            JWK key = keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof ECKey ec) || !jwt.verify(new ECDSAVerifier(ec)) || !issuer.equals(jwt.getJWTClaimsSet().getIssuer())) {
                throw HttpProblem.badRequest("The id_token_hint is not an ID token of this provider");
            }
            return jwt.getJWTClaimsSet().getStringClaim("azp");
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw HttpProblem.badRequest("Malformed id_token_hint: " + e.getMessage());
        }
    }

    private static JsonObject describe(Account account, LoginSessions.Session session) {
        JsonObject json = new JsonObject();
        json.put("username", account.username());
        json.put("webid", account.webId());
        json.put("csrf", session.csrf());
        json.put("expires", java.time.Instant.ofEpochMilli(session.expiresMillis()).toString());
        return json;
    }

    /** Only a path on this server: anything else would make the login form an open redirector. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return returnTo;
    }
}
