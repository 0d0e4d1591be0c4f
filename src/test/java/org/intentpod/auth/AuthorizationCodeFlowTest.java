package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.Browser;
import org.intentpod.LivePodTest;
import org.intentpod.TestPod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow with PKCE and DPoP, driven over HTTP as a browser app drives it: authorize,
 * log in, consent, code, token, a pod request; then every refusal along the way.
 */
class AuthorizationCodeFlowTest extends LivePodTest {
    private static final String REDIRECT = "https://budget.example/callback";
    private String clientId;
    private String secret;

    @BeforeAll
    void registerAnAppAndWriteSomethingPrivate() {
        HttpResponse<String> registered = pod.post(pod.base() + "idp/reg", "application/json", """
                {"client_name": "Budget app", "redirect_uris": ["%s"], "post_logout_redirect_uris": ["https://budget.example/bye"],
                 "token_endpoint_auth_method": "none", "grant_types": ["authorization_code", "refresh_token"]}
                """.formatted(REDIRECT));
        assertEquals(201, registered.statusCode(), registered.body());
        JSONObject client = AppClient.json(registered);
        clientId = (String) client.get("client_id");
        assertFalse(client.containsKey("client_secret"), "a public client gets no secret");
        assertEquals(201, pod.put(pod.url("notes/secret"), "text/turtle", "<#it> <http://schema.org/text> \"private\" .").statusCode());
    }

    private AppClient app() {
        return new AppClient(pod.base(), clientId, REDIRECT, new Browser(pod.base()));
    }

    @Test
    void aPersonLogsInApprovesAndTheAppReadsThePod() throws Exception {
        pod.account("hana");
        AppClient app = app();
        HttpResponse<String> loginPage = app.authorize(Map.of());
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.body().contains("action=\"/idp/login\""), loginPage.body());
        HttpResponse<String> consent = app.logIn(loginPage, "hana", TestPod.PASSWORD);
        assertTrue(consent.body().contains("Budget app") && consent.body().contains("budget.example"), consent.body());
        assertEquals("DENY", consent.headers().firstValue("X-Frame-Options").orElseThrow());
        String code = app.codeFrom(app.answer(consent, "allow", true));

        HttpResponse<String> tokens = app.redeem(code, app.verifier.getValue());
        assertEquals(200, tokens.statusCode(), tokens.body());
        JSONObject json = AppClient.json(tokens);
        assertEquals("DPoP", json.get("token_type"));
        JWTClaimsSet id = SignedJWT.parse((String) json.get("id_token")).getJWTClaimsSet();
        assertEquals(pod.base() + "hana/profile/card#me", id.getStringClaim("webid"));
        assertEquals(clientId, id.getStringClaim("azp"));
        assertTrue(id.getAudience().contains(clientId));
        assertEquals(app.nonce, id.getStringClaim("nonce"));
        assertTrue(json.containsKey("refresh_token"), "offline_access was granted");

        HttpResponse<String> read = app.fetch(pod.base() + "hana/settings/", (String) json.get("access_token"));
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("ldp:"), read.body());
        assertEquals(403, app.fetch(pod.url("notes/secret"), (String) json.get("access_token")).statusCode(), "the app acts as hana, not alice");

        // Remembered: the next request for the same scopes goes straight back with a code.
        String again = app.codeFrom(app.authorize(Map.of()));
        assertEquals(200, app.redeem(again, app.verifier.getValue()).statusCode());
    }

    @Test
    void theLoginCookieIsHttpOnlyStrictAndScopedToTheProviderAndTheUi() {
        AppClient app = app();
        HttpResponse<String> loginPage = app.authorize(Map.of());
        HttpResponse<String> loggedIn = app.browser.postForm(pod.base() + "idp/login", Map.of("csrf", Browser.hidden(loginPage.body(), "csrf"),
                "return_to", "/idp/session", "username", TestPod.POD, "password", TestPod.PASSWORD));
        List<String> cookies = Browser.setCookies(loggedIn).stream().filter(c -> c.startsWith(BrowserSession.COOKIE + "=")).toList();
        assertEquals(2, cookies.size(), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.contains("Path=/idp")) && cookies.stream().anyMatch(c -> c.contains("Path=/ui")), cookies.toString());
        for (String cookie : cookies) {
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"), cookie);
        }
        // A session cookie sent to a pod resource counts for nothing: the request is anonymous there.
        String session = app.browser.cookies().get(BrowserSession.COOKIE).getValue();
        HttpResponse<String> withCookie = pod.sendAnonymously(HttpRequest.newBuilder(java.net.URI.create(pod.url("notes/secret")))
                .header("Cookie", BrowserSession.COOKIE + "=" + session).GET().build());
        assertEquals(401, withCookie.statusCode());
        assertFalse(withCookie.body().contains("private"));
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        for (String redirect : List.of("https://evil.example/callback", REDIRECT + "/more", REDIRECT + "?x=1", "https://BUDGET.example/callback")) {
            HttpResponse<String> refused = app().authorize(Map.of("redirect_uri", redirect));
            assertEquals(400, refused.statusCode(), redirect);
            assertTrue(refused.headers().firstValue("Location").isEmpty(), redirect);
        }
        HttpResponse<String> unknown = app().authorize(Map.of("client_id", "client-unknown"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("No client client-unknown"), unknown.body());
    }

    @Test
    void pkceIsRequiredAndOnlyS256() {
        AppClient app = app();
        Map<String, String> noChallenge = new HashMap<>();
        noChallenge.put("code_challenge", null);
        noChallenge.put("code_challenge_method", null);
        Map<String, String> error = app.redirectParams(app.authorize(noChallenge));
        assertEquals("invalid_request", error.get("error"));
        assertEquals(app.state, error.get("state"));
        assertEquals("invalid_request", app.redirectParams(app.authorize(Map.of("code_challenge_method", "plain"))).get("error"));
        assertEquals("unsupported_response_type", app.redirectParams(app.authorize(Map.of("response_type", "token"))).get("error"));
    }

    @Test
    void codesNeedTheirVerifierTheirRedirectUriTheirClientAndServeOnce() {
        AppClient app = app();
        String code = app.code(TestPod.POD, TestPod.PASSWORD);
        assertInvalidGrant(app.redeem(code, null), "code_verifier");
        String wrongVerifier = app.codeFrom(app.authorize(Map.of()));
        assertInvalidGrant(app.redeem(wrongVerifier, new com.nimbusds.oauth2.sdk.pkce.CodeVerifier().getValue()), "does not match");

        String good = app.codeFrom(app.authorize(Map.of()));
        String verifier = app.verifier.getValue();
        assertEquals(200, app.redeem(good, verifier).statusCode());
        assertInvalidGrant(app.redeem(good, verifier), "already used");

        String elsewhere = app.codeFrom(app.authorize(Map.of()));
        AppClient other = new AppClient(pod.base(), clientId, "https://budget.example/other", app.browser);
        assertInvalidGrant(other.redeem(elsewhere, app.verifier.getValue()), "redirect_uri");

        String withoutProof = app.codeFrom(app.authorize(Map.of()));
        HttpResponse<String> noProof = app.token(Map.of("grant_type", "authorization_code", "code", withoutProof, "redirect_uri", REDIRECT,
                "client_id", clientId, "code_verifier", app.verifier.getValue()), null);
        assertEquals(400, noProof.statusCode());
        assertEquals("invalid_dpop_proof", AppClient.json(noProof).get("error"));
    }

    @Test
    void consentNeedsTheSessionsCsrfTokenAndOrigin() {
        AppClient app = app();
        HttpResponse<String> consent = app.logIn(app.authorize(Map.of("prompt", "consent")), TestPod.POD, TestPod.PASSWORD);
        String request = Browser.hidden(consent.body(), "request");
        String csrf = Browser.hidden(consent.body(), "csrf");
        assertEquals(403, app.browser.postForm(pod.base() + "idp/consent", Map.of("request", request, "decision", "allow")).statusCode());
        assertEquals(403, app.browser.postForm(pod.base() + "idp/consent", Map.of("request", request, "decision", "allow", "csrf", "x")).statusCode());
        assertEquals(403, app.browser.postForm(pod.base() + "idp/consent", Map.of("request", request, "decision", "allow", "csrf", csrf),
                "https://evil.example").statusCode());
        assertEquals(401, new Browser(pod.base()).postForm(pod.base() + "idp/consent", Map.of("request", request, "decision", "allow", "csrf", csrf))
                .statusCode(), "another browser has no session");
        HttpResponse<String> tampered = app.browser.postForm(pod.base() + "idp/consent", Map.of("request", "not-a-request", "decision", "allow",
                "csrf", csrf));
        assertEquals(400, tampered.statusCode());
        assertTrue(tampered.headers().firstValue("Location").isEmpty());
        // The refusals spent nothing: the real request can still be answered, here with a refusal.
        assertEquals("access_denied", app.redirectParams(app.answer(consent, "deny", false)).get("error"));
    }

    @Test
    void aNavigationFromTheAppsSiteHopsOnceSoTheStrictCookieComesAlong() {
        AppClient app = app();
        String url = app.authorizeUrl(Map.of());
        HttpResponse<String> bounce = app.browser.send(HttpRequest.newBuilder(java.net.URI.create(url)).header("Sec-Fetch-Site", "cross-site"));
        assertEquals(200, bounce.statusCode());
        String path = url.substring(pod.base().length() - 1);
        assertTrue(bounce.body().contains("<meta http-equiv=\"refresh\" content=\"0;url=" + path.replace("&", "&amp;") + "\">"), bounce.body());
        HttpResponse<String> login = app.browser.send(HttpRequest.newBuilder(java.net.URI.create(url)).header("Sec-Fetch-Site", "same-origin"));
        assertTrue(login.body().contains("action=\"/idp/login\""), login.body());
    }

    @Test
    void promptLoginAsksAgainOnceAndRequestObjectsAreRefused() {
        AppClient app = app();
        app.code(TestPod.POD, TestPod.PASSWORD);
        HttpResponse<String> again = app.authorize(Map.of("prompt", "login consent"));
        assertTrue(again.body().contains("action=\"/idp/login\""), "logged in, yet asked to log in again");
        assertTrue(Browser.hidden(again.body(), "return_to").contains("prompt=consent"), "once logged in, the request goes on, still asking consent");
        app.codeFrom(app.answer(app.logIn(again, TestPod.POD, TestPod.PASSWORD), "allow", true));
        assertEquals("request_not_supported", app.redirectParams(app.authorize(Map.of("request_uri", "https://budget.example/r/1"))).get("error"));
    }

    @Test
    void promptNoneNeverShowsAPage() {
        AppClient app = app();
        assertEquals("login_required", app.redirectParams(app.authorize(Map.of("prompt", "none"))).get("error"));
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesItsFamily() {
        AppClient app = app();
        JSONObject first = AppClient.json(app.redeem(app.code(TestPod.POD, TestPod.PASSWORD), app.verifier.getValue()));
        String r1 = (String) first.get("refresh_token");
        HttpResponse<String> refreshed = app.refresh(r1);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String r2 = (String) AppClient.json(refreshed).get("refresh_token");
        assertNotEquals(r1, r2);
        assertEquals(200, app.fetch(pod.url("notes/secret"), (String) AppClient.json(refreshed).get("access_token")).statusCode());

        var thief = new AppClient(pod.base(), clientId, REDIRECT, new Browser(pod.base()));
        assertInvalidGrant(thief.refresh(r2), "another DPoP key");

        assertInvalidGrant(app.refresh(r1), "already used");
        assertInvalidGrant(app.refresh(r2), "Unknown or revoked");
    }

    @Test
    void revokingAnAppStopsItsTokensAtOnce() throws Exception {
        pod.account("ivan");
        AppClient app = app();
        JSONObject tokens = AppClient.json(app.redeem(app.code("ivan", TestPod.PASSWORD), app.verifier.getValue()));
        String access = (String) tokens.get("access_token");
        String ivans = pod.base() + "ivan/settings/";
        assertEquals(200, app.fetch(ivans, access).statusCode());

        String csrf = (String) AppClient.json(app.browser.get(pod.base() + "idp/session")).get("csrf");
        JSONArray listed = (JSONArray) new JSONParser(JSONParser.MODE_RFC4627).parse(app.browser.send(
                HttpRequest.newBuilder(java.net.URI.create(pod.base() + "idp/apps")).header("Accept", "application/json")).body());
        assertEquals(1, listed.size(), listed.toJSONString());
        JSONObject authorization = (JSONObject) listed.get(0);
        assertEquals(clientId, authorization.get("client_id"));
        assertEquals("Budget app", authorization.get("client_name"));
        java.net.URI revoke = java.net.URI.create(pod.base() + "idp/apps/" + authorization.get("id"));
        assertEquals(403, app.browser.send(HttpRequest.newBuilder(revoke).DELETE()).statusCode(), "a change through the session needs its CSRF token");
        assertEquals(200, app.fetch(ivans, access).statusCode(), "a refused revocation changes nothing");
        assertEquals(204, app.browser.send(HttpRequest.newBuilder(revoke).header(BrowserSession.CSRF_HEADER, csrf).DELETE()).statusCode());

        assertEquals(401, app.fetch(ivans, access).statusCode());
        assertInvalidGrant(app.refresh((String) tokens.get("refresh_token")), "revoked");
        assertTrue(app.authorize(Map.of()).body().contains("action=\"/idp/consent\""), "the app must ask again");
    }

    @Test
    void aPersonRevokesAnAppFromTheAppsPage() {
        pod.account("jana");
        AppClient app = app();
        String access = (String) AppClient.json(app.redeem(app.code("jana", TestPod.PASSWORD), app.verifier.getValue())).get("access_token");
        assertTrue(new Browser(pod.base()).get(pod.base() + "idp/apps").body().contains("action=\"/idp/login\""), "without a session: log in");
        HttpResponse<String> page = app.browser.get(pod.base() + "idp/apps");
        assertTrue(page.body().contains("Budget app"), page.body());
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("action=\"(/idp/apps/[^\"]+)\"").matcher(page.body());
        assertTrue(form.find(), page.body());
        String revoke = pod.base() + form.group(1).substring(1);
        assertEquals(403, app.browser.postForm(revoke, Map.of()).statusCode());
        assertEquals(200, app.fetch(pod.base() + "jana/settings/", access).statusCode(), "a refused revocation changes nothing");
        HttpResponse<String> revoked = app.browser.postForm(revoke, Map.of("csrf", Browser.hidden(page.body(), "csrf")));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals(401, app.fetch(pod.base() + "jana/settings/", access).statusCode());
        assertTrue(app.browser.get(pod.base() + "idp/apps").body().contains("No app has access"));
    }

    private static void assertInvalidGrant(HttpResponse<String> response, String why) {
        assertEquals(400, response.statusCode(), response.body());
        JSONObject json = AppClient.json(response);
        assertEquals("invalid_grant", json.get("error"));
        assertTrue(((String) json.get("error_description")).contains(why), json.toJSONString());
    }
}
