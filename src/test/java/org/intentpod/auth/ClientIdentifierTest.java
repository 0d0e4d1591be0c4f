package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.intentpod.Browser;
import org.intentpod.LivePodTest;
import org.intentpod.TestPod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three ways a client is known: a Client Identifier Document (here published in a pod, as Solid apps
 * often are), Dynamic Client Registration with a secret, and a vendor's static client.
 */
class ClientIdentifierTest extends LivePodTest {
    private String documentUrl;

    @BeforeAll
    void publishAClientIdentifierDocument() {
        documentUrl = pod.url("apps/budget.json");
        assertEquals(201, pod.put(documentUrl, "application/json", document(documentUrl, "https://podbudget.example/callback")).statusCode());
        assertEquals(201, pod.put(pod.url("apps/liar.json"), "application/json", document(pod.url("apps/budget.json"), "https://liar.example/cb"))
                .statusCode());
        String acl = """
                @prefix acl: <http://www.w3.org/ns/auth/acl#>.
                <#owner> a acl:Authorization; acl:agent <%s>; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read, acl:Write, acl:Control.
                <#public> a acl:Authorization; acl:agentClass <http://xmlns.com/foaf/0.1/Agent>; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read.
                """.formatted(pod.base() + TestPod.POD + "/profile/card#me");
        assertEquals(201, pod.put(pod.url("apps/.acl"), "text/turtle", acl).statusCode());
    }

    private static String document(String clientId, String redirect) {
        return """
                {"@context": ["https://www.w3.org/ns/solid/oidc-context.jsonld"], "client_id": "%s", "client_name": "Pod Budget",
                 "redirect_uris": ["%s"], "scope": "openid webid offline_access", "grant_types": ["authorization_code", "refresh_token"],
                 "response_types": ["code"], "token_endpoint_auth_method": "none"}
                """.formatted(clientId, redirect);
    }

    @Test
    void anAppNamedByItsDocumentLogsIn() {
        AppClient app = new AppClient(pod.base(), documentUrl, "https://podbudget.example/callback", new Browser(pod.base()));
        HttpResponse<String> consent = app.logIn(app.authorize(Map.of()), TestPod.POD, TestPod.PASSWORD);
        assertTrue(consent.body().contains("Pod Budget"), consent.body());
        HttpResponse<String> tokens = app.redeem(app.codeFrom(app.answer(consent, "allow", false)), app.verifier.getValue());
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(200, app.fetch(pod.url("apps/"), (String) AppClient.json(tokens).get("access_token")).statusCode());
    }

    @Test
    void aDocumentMustNameItselfAndLiveOnAPublicAddress() {
        AppClient liar = new AppClient(pod.base(), pod.url("apps/liar.json"), "https://liar.example/cb", new Browser(pod.base()));
        HttpResponse<String> refused = liar.authorize(Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("names another client_id"), refused.body());

        AppClient inside = new AppClient(pod.base(), "http://127.0.0.1:9/app.json", "https://inside.example/cb", new Browser(pod.base()));
        HttpResponse<String> privateAddress = inside.authorize(Map.of());
        assertEquals(400, privateAddress.statusCode());
        assertTrue(privateAddress.body().contains("private"), privateAddress.body());
        assertTrue(privateAddress.headers().firstValue("Location").isEmpty());

        AppClient anonymous = new AppClient(pod.base(), "http://www.w3.org/ns/solid/terms#PublicOidcClient", "https://any.example/cb",
                new Browser(pod.base()));
        HttpResponse<String> anyRedirect = anonymous.authorize(Map.of());
        assertEquals(400, anyRedirect.statusCode());
        assertTrue(anyRedirect.body().contains("not accepted here"), anyRedirect.body());
    }

    @Test
    void aRegisteredConfidentialClientMustProveItsSecret() {
        HttpResponse<String> registered = pod.post(pod.base() + "idp/reg", "application/json",
                "{\"client_name\": \"Energy coach\", \"redirect_uris\": [\"https://coach.example/cb\"]}");
        assertEquals(201, registered.statusCode(), registered.body());
        JSONObject client = AppClient.json(registered);
        String secret = (String) client.get("client_secret");
        assertTrue(secret != null && secret.length() >= 32, registered.body());
        AppClient app = new AppClient(pod.base(), (String) client.get("client_id"), "https://coach.example/cb", new Browser(pod.base()));
        String code = app.code(TestPod.POD, TestPod.PASSWORD);
        HttpResponse<String> withoutSecret = app.redeem(code, app.verifier.getValue());
        assertEquals(401, withoutSecret.statusCode());
        assertEquals("invalid_client", AppClient.json(withoutSecret).get("error"));

        String again = app.codeFrom(app.authorize(Map.of()));
        HttpResponse<String> withSecret = app.token(Map.of("grant_type", "authorization_code", "code", again, "redirect_uri", app.redirectUri,
                "client_id", app.clientId, "client_secret", secret, "code_verifier", app.verifier.getValue()), app.proof("POST", pod.base() + "idp/token",
                null));
        assertEquals(200, withSecret.statusCode(), withSecret.body());
    }

    @Test
    void registrationRefusesWhatCannotWork() {
        for (String metadata : new String[] {"{\"client_name\": \"no redirect\"}", "{\"redirect_uris\": [\"ftp://x.example/cb\"]}",
            "{\"redirect_uris\": [\"https://x.example/cb#frag\"]}", "{\"redirect_uris\": [\"https://x.example/cb\"], \"grant_types\": [\"implicit\"]}",
            "not json"}) {
            HttpResponse<String> refused = pod.post(pod.base() + "idp/reg", "application/json", metadata);
            assertEquals(400, refused.statusCode(), metadata);
            assertTrue(((String) AppClient.json(refused).get("error")).startsWith("invalid_"), refused.body());
        }
    }

    @Test
    void aVendorsStaticClientUsesItsCredential() {
        pod.account("shop");
        HttpResponse<String> issued = pod.send(pod.request(pod.base() + "idp/credentials")
                .header("Authorization", AccountApiTest.basic("shop", TestPod.PASSWORD)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Shop portal\", \"redirect_uris\": [\"https://shop.example/cb\"]}")));
        assertEquals(201, issued.statusCode(), issued.body());
        JSONObject credential = AppClient.json(issued);
        AppClient app = new AppClient(pod.base(), (String) credential.get("client_id"), "https://shop.example/cb", new Browser(pod.base()));
        HttpResponse<String> consent = app.logIn(app.authorize(Map.of()), TestPod.POD, TestPod.PASSWORD);
        assertTrue(consent.body().contains("Shop portal"), consent.body());
        String code = app.codeFrom(app.answer(consent, "allow", false));
        HttpResponse<String> tokens = app.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", app.redirectUri,
                "client_id", app.clientId, "client_secret", (String) credential.get("client_secret"), "code_verifier", app.verifier.getValue()),
                app.proof("POST", pod.base() + "idp/token", null));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String access = (String) AppClient.json(tokens).get("access_token");
        assertEquals(200, app.fetch(pod.url("apps/budget.json"), access).statusCode());

        assertEquals(204, pod.send(pod.request(pod.base() + "idp/credentials/" + app.clientId)
                .header("Authorization", AccountApiTest.basic("shop", TestPod.PASSWORD)).DELETE()).statusCode());
        assertEquals(401, app.fetch(pod.url("apps/budget.json"), access).statusCode(), "the vendor's revoked client stops at once");
    }
}
