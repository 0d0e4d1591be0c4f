package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.intentpod.Browser;
import org.intentpod.LivePodTest;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;

/** The login session itself: JSON and form login, what it allows on the account API, and logout. */
class LoginSessionTest extends LivePodTest {

    private HttpResponse<String> jsonLogin(Browser browser, String password, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pod.base() + "idp/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + TestPod.POD + "\", \"password\": \"" + password + "\"}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return browser.send(request);
    }

    @Test
    void aScriptLogsInWithJsonAndGetsCredentialsThroughItsSession() {
        Browser browser = new Browser(pod.base());
        assertEquals(403, jsonLogin(browser, TestPod.PASSWORD, "https://evil.example").statusCode());
        assertEquals(401, jsonLogin(browser, "wrong password", null).statusCode());
        assertTrue(browser.cookies().isEmpty(), "no refused login sets a cookie");
        HttpResponse<String> loggedIn = jsonLogin(browser, TestPod.PASSWORD, browser.origin());
        assertEquals(200, loggedIn.statusCode(), loggedIn.body());
        JSONObject session = AppClient.json(loggedIn);
        assertEquals(pod.base() + TestPod.POD + "/profile/card#me", session.get("webid"));
        String csrf = (String) session.get("csrf");

        assertEquals(csrf, AppClient.json(browser.get(pod.base() + "idp/session")).get("csrf"));
        assertEquals(401, browser.send(HttpRequest.newBuilder(URI.create(pod.base() + "idp/session")).header("Origin", "https://evil.example"))
                .statusCode(), "another origin cannot read the session, nor its CSRF token");

        HttpRequest.Builder credentials = HttpRequest.newBuilder(URI.create(pod.base() + "idp/credentials")).POST(HttpRequest.BodyPublishers.noBody());
        assertEquals(403, browser.send(credentials).statusCode(), "no CSRF token");
        HttpResponse<String> issued = browser.send(HttpRequest.newBuilder(URI.create(pod.base() + "idp/credentials"))
                .header(BrowserSession.CSRF_HEADER, csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals(session.get("webid"), AppClient.json(issued).get("webid"));
    }

    @Test
    void theLoginFormNeedsItsTokenAndNeverRedirectsAway() {
        Browser browser = new Browser(pod.base());
        HttpResponse<String> page = browser.get(pod.base() + "idp/login?return_to=" + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));
        assertEquals("/", Browser.hidden(page.body(), "return_to"));
        String csrf = Browser.hidden(page.body(), "csrf");
        Map<String, String> fields = Map.of("username", TestPod.POD, "password", TestPod.PASSWORD, "return_to", "//evil.example/x");
        assertEquals(403, browser.postForm(pod.base() + "idp/login", fields).statusCode());
        HttpResponse<String> wrong = browser.postForm(pod.base() + "idp/login", Map.of("username", TestPod.POD, "password", "nope", "csrf", csrf));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong password") && wrong.body().contains("<form"), wrong.body());
        HttpResponse<String> loggedIn = browser.postForm(pod.base() + "idp/login", Map.of("username", TestPod.POD, "password", TestPod.PASSWORD,
                "csrf", csrf, "return_to", "//evil.example/x"));
        assertEquals(303, loggedIn.statusCode());
        assertEquals("/", loggedIn.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsOnlyToARegisteredUri() {
        HttpResponse<String> registered = pod.post(pod.base() + "idp/reg", "application/json", """
                {"client_name": "Notes", "redirect_uris": ["https://notes.example/cb"], "post_logout_redirect_uris": ["https://notes.example/bye"],
                 "token_endpoint_auth_method": "none"}""");
        AppClient app = new AppClient(pod.base(), (String) AppClient.json(registered).get("client_id"), "https://notes.example/cb",
                new Browser(pod.base()));
        String idToken = (String) AppClient.json(app.redeem(app.code(TestPod.POD, TestPod.PASSWORD), app.verifier.getValue())).get("id_token");
        String logout = pod.base() + "idp/logout?id_token_hint=" + idToken + "&state=s1&post_logout_redirect_uri=";
        assertEquals(400, app.browser.get(logout + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)).statusCode());

        HttpResponse<String> confirm = app.browser.get(logout + URLEncoder.encode("https://notes.example/bye", StandardCharsets.UTF_8));
        assertEquals(200, confirm.statusCode(), confirm.body());
        Map<String, String> fields = Map.of("csrf", Browser.hidden(confirm.body(), "csrf"),
                "post_logout_redirect_uri", Browser.hidden(confirm.body(), "post_logout_redirect_uri"),
                "client_id", Browser.hidden(confirm.body(), "client_id"), "state", Browser.hidden(confirm.body(), "state"));
        assertEquals(403, app.browser.postForm(pod.base() + "idp/logout", fields, "https://evil.example").statusCode());
        assertEquals(200, app.browser.get(pod.base() + "idp/session").statusCode(), "a refused logout leaves the session");
        HttpResponse<String> loggedOut = app.browser.postForm(pod.base() + "idp/logout", fields);
        assertEquals(303, loggedOut.statusCode(), loggedOut.body());
        assertEquals("https://notes.example/bye?state=s1", loggedOut.headers().firstValue("Location").orElseThrow());
        assertEquals(401, app.browser.get(pod.base() + "idp/session").statusCode());
        assertTrue(app.authorize(Map.of()).body().contains("action=\"/idp/login\""), "the next authorization asks to log in again");
    }

    @Test
    void onHttpsTheCookieIsSecure() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("intentpod-https");
        org.intentpod.server.PodServer server = org.intentpod.server.PodServer.start(new org.intentpod.server.ServerConfig(
                "127.0.0.1", 0, "https://pods.example/", data, List.of(), false, 64 * 1024, 64 * 1024, pod.config(null).identity()));
        try {
            String local = "http://127.0.0.1:" + server.port() + "/";
            Browser browser = new Browser(local);
            assertEquals(201, browser.send(HttpRequest.newBuilder(URI.create(local + "idp/register")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sara\",\"password\":\"" + TestPod.PASSWORD
                            + "\",\"kind\":\"person\",\"name\":\"Sara\"}"))).statusCode());
            HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(local + "idp/login")).header("Content-Type", "application/json")
                    .header("Origin", "https://pods.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sara\",\"password\":\"" + TestPod.PASSWORD + "\"}")));
            assertEquals(200, loggedIn.statusCode(), loggedIn.body());
            List<String> cookies = Browser.setCookies(loggedIn);
            assertEquals(2, cookies.size(), cookies.toString());
            cookies.forEach(cookie -> assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie));
        } finally {
            server.stop();
            TestPod.deleteTree(data);
        }
    }
}
