package org.intentpod.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.Test;

/** CORS as the Solid Protocol requires it. */
class CorsTest extends LivePodTest {
    private static final String ORIGIN = "https://app.example";

    @Test
    void preflightIsAnsweredWithTheOriginAndTheRequestedHeaders() {
        HttpResponse<String> preflight = pod.send(pod.request(pod.url("anything/at/all"))
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, dpop, content-type, if-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "status " + preflight.statusCode());
        assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
        assertEquals("authorization, dpop, content-type, if-match", preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("PATCH"));
    }

    @Test
    void responsesReflectTheOriginAndExposeSolidHeaders() {
        pod.put(pod.url("cors.ttl"), "text/turtle", "<> <http://ex.org/p> 1 .");
        HttpResponse<String> got = pod.send(pod.request(pod.url("cors.ttl")).header("Origin", ORIGIN).GET());
        assertEquals(ORIGIN, got.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(got.headers().allValues("Access-Control-Allow-Origin").contains("*"));
        List<String> exposed = Arrays.stream(got.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().split(","))
                .map(String::trim).toList();
        for (String header : List.of("Link", "Location", "ETag", "Last-Modified", "WAC-Allow", "Accept-Patch", "Accept-Post",
                "Accept-Put", "Allow", "WWW-Authenticate", "Updates-Via")) {
            assertTrue(exposed.contains(header), header + " in " + exposed);
        }
        assertTrue(got.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
        HttpResponse<String> error = pod.send(pod.request(pod.url("missing")).header("Origin", ORIGIN).GET());
        assertEquals(404, error.statusCode());
        assertEquals(ORIGIN, error.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(), "errors are readable by apps too");
    }
}
