package org.intentpod.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A restart finds everything as it was; a start under another base URL is refused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartTest {

    @Test
    void restartKeepsEveryResource() {
        try (TestPod pod = TestPod.start()) {
            pod.put(pod.url("kept/doc.ttl"), "text/turtle", "<#a> <http://ex.org/p> \"kept\" .");
            pod.put(pod.url("kept/usage.csv"), "text/csv", "month,gb\n2025-01,3\n");
            pod.post(pod.url("kept/"), "text/turtle", "", "Slug", "sub", "Link", "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"");
            String etag = pod.get(pod.url("kept/doc.ttl"), "text/turtle").headers().firstValue("ETag").orElseThrow();
            pod.restart();
            assertTrue(pod.get(pod.url("kept/doc.ttl"), "text/turtle").body().contains("\"kept\""));
            assertEquals(etag, pod.get(pod.url("kept/doc.ttl"), "text/turtle").headers().firstValue("ETag").orElseThrow());
            assertEquals("month,gb\n2025-01,3\n", pod.get(pod.url("kept/usage.csv"), "*/*").body());
            String listing = pod.get(pod.url("kept/"), "text/turtle").body();
            assertTrue(listing.contains("kept/sub/") && listing.contains("kept/usage.csv") && listing.contains("kept/doc.ttl"), listing);
        }
    }

    @Test
    void anotherBaseUrlIsRefusedWithAClearMessage() {
        try (TestPod pod = TestPod.start()) {
            pod.stop();
            StartupException refused = assertThrows(StartupException.class, () -> PodServer.start(pod.config("https://pods.example/")));
            assertTrue(refused.getMessage().contains("--base-url " + pod.base()), refused.getMessage());
            PodServer again = assertDoesNotThrowStart(pod);
            again.stop();
        }
    }

    private static PodServer assertDoesNotThrowStart(TestPod pod) {
        try {
            return PodServer.start(pod.config(pod.base()));
        } catch (StartupException e) {
            throw new AssertionError(e);
        }
    }
}
