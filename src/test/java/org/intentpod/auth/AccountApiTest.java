package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.intentpod.Browser;
import org.intentpod.LivePodTest;
import org.intentpod.SecondParser;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The account API contract: register, client credentials, revocation; and the pods registration makes. */
class AccountApiTest extends LivePodTest {
    private static final String PASSWORD = "correct horse battery";

    private HttpResponse<String> register(String username, String password, String kind, String name) {
        JsonObject body = new JsonObject();
        body.put("username", username);
        body.put("password", password);
        body.put("kind", kind);
        body.put("name", name);
        return pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toString(body))));
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> credentials(String username, String password) {
        return pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", basic(username, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"test script\"}")));
    }

    @Test
    void aPersonRegistersAndGetsAPodWithAWebIdProfile() {
        HttpResponse<String> created = register("carla", PASSWORD, "person", "Carla Dupont");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = JSON.parse(created.body());
        String webId = pod.base() + "carla/profile/card#me";
        assertEquals(webId, json.getString("webid"));
        assertEquals(pod.base() + "carla/", json.getString("pod"));
        assertEquals(pod.base(), json.getString("issuer"));
        String card = pod.base() + "carla/profile/card";
        Model profile = SecondParser.parse(pod.sendAnonymously(HttpRequest.newBuilder(java.net.URI.create(card)).build()).body(), "text/turtle", card);
        var carla = pod.account("carla");
        var me = Values.iri(webId);
        String solid = "http://www.w3.org/ns/solid/terms#";
        assertTrue(profile.contains(me, Values.iri(solid + "oidcIssuer"), Values.iri(pod.base())));
        assertTrue(profile.contains(me, Values.iri("http://www.w3.org/ns/pim/space#storage"), Values.iri(pod.base() + "carla/")));
        assertTrue(profile.contains(me, Values.iri("http://www.w3.org/ns/ldp#inbox"), Values.iri(pod.base() + "carla/inbox/")));
        assertTrue(profile.contains(me, Values.iri("http://xmlns.com/foaf/0.1/name"), Values.literal("Carla Dupont")));
        assertTrue(profile.contains(me, Values.iri(solid + "privateTypeIndex"), null));
        assertTrue(profile.contains(me, Values.iri(solid + "publicTypeIndex"), null));
        assertTrue(profile.contains(me, Values.iri("http://www.w3.org/ns/pim/space#preferencesFile"), null));
        for (String container : new String[] {"intentions/", "inbox/", "grants/", "data/", "log/", "settings/"}) {
            assertEquals(200, asCarla(carla, pod.base() + "carla/" + container).statusCode(), container);
        }
        String privateIndex = asCarla(carla, pod.base() + "carla/settings/privateTypeIndex.ttl").body();
        assertTrue(privateIndex.contains("<" + pod.base() + "carla/intentions/>"), privateIndex);
        Model acl = SecondParser.parse(asCarla(carla, pod.base() + "carla/.acl").body(), "text/turtle", pod.base() + "carla/.acl");
        assertTrue(acl.contains(null, Values.iri("http://www.w3.org/ns/auth/acl#agent"), me));
        String inboxAcl = asCarla(carla, pod.base() + "carla/inbox/.acl").body();
        assertTrue(inboxAcl.contains("AuthenticatedAgent") && inboxAcl.contains("Append"), inboxAcl);
    }

    private HttpResponse<String> asCarla(org.intentpod.DpopSession carla, String url) {
        return pod.sendAs(carla, HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "application/n-triples").build());
    }

    @Test
    void aVendorGetsOnlyItsProfileInboxAndSettings() {
        assertEquals(201, register("telco", PASSWORD, "vendor", "Telco Example").statusCode());
        var telco = pod.account("telco");
        String card = pod.sendAs(telco, HttpRequest.newBuilder(java.net.URI.create(pod.base() + "telco/profile/card"))
                .header("Accept", "application/n-triples").build()).body();
        assertTrue(card.contains("https://w3id.org/intentpod/vrm#Vendor"), card);
        assertEquals(200, pod.sendAs(telco, HttpRequest.newBuilder(java.net.URI.create(pod.base() + "telco/inbox/")).build()).statusCode());
        assertEquals(404, pod.sendAs(telco, HttpRequest.newBuilder(java.net.URI.create(pod.base() + "telco/intentions/")).build()).statusCode());
    }

    @Test
    void takenNamesAre409AndLeaveNothingBehind() {
        assertEquals(201, register("dora", PASSWORD, "person", "Dora").statusCode());
        assertEquals(409, register("dora", PASSWORD + "x", "person", "Other").statusCode());
        assertEquals(401, credentials("dora", PASSWORD + "x").statusCode(), "the first account is untouched");
        HttpResponse<String> existingPod = register(TestPod.UNOWNED_POD, PASSWORD, "person", "Squatter");
        assertEquals(409, existingPod.statusCode(), "a pod without an account is not up for grabs");
        assertEquals(401, credentials(TestPod.UNOWNED_POD, PASSWORD).statusCode(), "no account was created");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Uppercase|correct horse battery|person|X|username",
        "ab|correct horse battery|person|X|username",
        "idp|correct horse battery|person|X|reserved",
        "shapes|correct horse battery|person|X|reserved",
        "emma|short|person|X|too short",
        "emma|emma-is-my-password|person|X|too easy",
        "emma|aaaaaaaaaaaa|person|X|too easy",
        "emma|correct horse battery|robot|X|kind",
        "emma|correct horse battery|person| |name"})
    void badRegistrationsSayWhy(String username, String password, String kind, String name, String reason) {
        HttpResponse<String> refused = register(username, password, kind, name == null ? "" : name);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(reason), refused.body());
    }

    @Test
    void malformedRequestsAreRefused() {
        assertEquals(415, pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("username=x"))).statusCode());
        assertEquals(400, pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": "))).statusCode());
        assertEquals(400, pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": 42}"))).statusCode());
        assertEquals(405, pod.send(pod.request(pod.base() + "idp/register").DELETE()).statusCode());
        assertEquals(404, pod.get(pod.base() + "idp/nothing", "*/*").statusCode());
    }

    @Test
    void theHtmlFormRegistersTooWithItsCsrfTokenFromThisOrigin() {
        Browser browser = new Browser(pod.base());
        HttpResponse<String> page = browser.get(pod.base() + "idp/register");
        assertTrue(page.body().contains("<form"));
        String csrf = Browser.hidden(page.body(), "csrf");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("username", "fanny", "password", "correct horse battery", "kind", "person",
                "name", "Fanny <b>"));
        assertEquals(403, browser.postForm(pod.base() + "idp/register", fields).statusCode(), "no CSRF token");
        fields.put("csrf", csrf);
        assertEquals(403, browser.postForm(pod.base() + "idp/register", fields, "https://evil.example").statusCode(), "another origin");
        assertEquals(403, new Browser(pod.base()).postForm(pod.base() + "idp/register", fields).statusCode(), "a token without its cookie");
        HttpResponse<String> created = browser.postForm(pod.base() + "idp/register", fields);
        assertEquals(201, created.statusCode(), "the refused attempts created nothing, so the name is still free: " + created.body());
        assertTrue(created.body().contains(pod.base() + "fanny/"));
        assertTrue(pod.get(pod.base() + "fanny/profile/card", "text/turtle").body().contains("Fanny <b>"), "the name is stored as given");
    }

    @Test
    void clientCredentialsAreIssuedAndRevokedByTheirOwnerOnly() {
        assertEquals(201, register("gina", PASSWORD, "person", "Gina").statusCode());
        assertEquals(201, register("hugo", PASSWORD, "person", "Hugo").statusCode());
        HttpResponse<String> issued = credentials("gina", PASSWORD);
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject json = JSON.parse(issued.body());
        assertEquals(pod.base() + "gina/profile/card#me", json.getString("webid"));
        String clientId = json.getString("client_id");
        assertTrue(json.getString("client_secret").length() >= 32);
        assertNotEquals(clientId, JSON.parse(credentials("gina", PASSWORD).body()).getString("client_id"));
        HttpResponse<String> wrong = credentials("gina", "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(401, pod.send(pod.request(pod.base() + "idp/credentials").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        HttpRequest.Builder byHugo = pod.request(pod.base() + "idp/credentials/" + clientId).header("Authorization", basic("hugo", PASSWORD)).DELETE();
        assertEquals(404, pod.send(byHugo).statusCode(), "another account cannot revoke it, nor learn that it exists");
        HttpRequest.Builder byGina = pod.request(pod.base() + "idp/credentials/" + clientId).header("Authorization", basic("gina", PASSWORD)).DELETE();
        assertEquals(204, pod.send(byGina).statusCode());
    }
}
