package org.intentpod.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.inrupt.client.Client;
import com.inrupt.client.ClientProvider;
import com.inrupt.client.Request;
import com.inrupt.client.Response;
import com.inrupt.client.openid.OpenIdSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.TestPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Inrupt's Java client, an independent Solid client, logs in with client credentials through our discovery
 * and token endpoint, then reads and writes with its own DPoP proofs. Its 1.1 proofs carry no {@code ath},
 * so the server runs with {@code --require-proof-ath=false}, as a deployment serving that client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InruptClientTest {
    private TestPod pod;
    private Client client;

    @BeforeAll
    void logIn() throws Exception {
        pod = TestPod.start(identity -> identity.withProofAthRequired(false));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((TestPod.POD + ":" + TestPod.PASSWORD).getBytes());
        JSONObject credential = (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(pod.send(pod.request(pod.base() + "idp/credentials")
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Inrupt Java client\"}"))).body());
        client = ClientProvider.getClient().session(OpenIdSession.ofClientCredentials(URI.create(pod.base()), (String) credential.get("client_id"),
                (String) credential.get("client_secret"), "client_secret_basic"));
    }

    @AfterAll
    void stop() {
        pod.close();
    }

    private Response<String> send(Request request) {
        return client.send(request, Response.BodyHandlers.ofString()).toCompletableFuture().join();
    }

    @Test
    void readsAndWritesAPrivateResource() {
        URI note = URI.create(pod.url("notes/from-inrupt"));
        Response<String> put = send(Request.newBuilder(note).header("Content-Type", "text/turtle")
                .PUT(Request.BodyPublishers.ofString("<#it> <http://schema.org/name> \"written by Inrupt's client\" .")).build());
        assertEquals(201, put.statusCode(), put.body());
        Response<String> get = send(Request.newBuilder(note).header("Accept", "text/turtle").GET().build());
        assertEquals(200, get.statusCode(), get.body());
        assertTrue(get.body().contains("written by Inrupt's client"), get.body());
        Response<String> intentions = send(Request.newBuilder(URI.create(pod.url("intentions/"))).header("Accept", "text/turtle").GET().build());
        assertEquals(200, intentions.statusCode(), "a private container, so the client really is authenticated");
        assertEquals("user=\"read write append control\",public=\"\"", intentions.headers().firstValue("WAC-Allow").orElseThrow());
    }
}
