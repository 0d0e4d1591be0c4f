package org.intentpod.ldp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.Test;

/** Strong ETags, Last-Modified, and RFC 9110 preconditions, including two writers racing. */
class ConditionalRequestTest extends LivePodTest {
    private static final String TURTLE = "text/turtle";

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void everyResourceHasAStrongEtagPerRepresentationAndLastModified() {
        String url = pod.url("c/etag.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        HttpResponse<String> turtle = pod.get(url, TURTLE);
        HttpResponse<String> jsonLd = pod.get(url, "application/ld+json");
        assertTrue(etag(turtle).startsWith("\"") && !etag(turtle).startsWith("W/"));
        assertNotEquals(etag(turtle), etag(jsonLd), "a strong tag promises identical bytes, so formats differ");
        assertTrue(turtle.headers().firstValue("Last-Modified").isPresent());
        assertEquals(etag(turtle), etag(pod.get(url, TURTLE)), "stable while unchanged");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 2 .");
        assertNotEquals(etag(turtle), etag(pod.get(url, TURTLE)));
        pod.put(pod.url("c/etag.csv"), "text/csv", "a\n");
        assertTrue(pod.get(pod.url("c/etag.csv"), "*/*").headers().firstValue("ETag").isPresent());
    }

    @Test
    void ifNoneMatchAndIfModifiedSinceGive304() {
        String url = pod.url("c/cached.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        HttpResponse<String> first = pod.get(url, TURTLE);
        HttpResponse<String> again = pod.send(pod.request(url).header("Accept", TURTLE).header("If-None-Match", etag(first)).GET());
        assertEquals(304, again.statusCode());
        assertEquals(etag(first), etag(again));
        assertEquals("", again.body());
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, pod.send(pod.request(url).header("If-Modified-Since", lastModified).GET()).statusCode());
        assertEquals(200, pod.send(pod.request(url).header("If-None-Match", "\"other\"").GET()).statusCode());
    }

    @Test
    void ifMatchGuardsWrites() {
        String url = pod.url("c/guarded.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        String tag = etag(pod.get(url, TURTLE));
        HttpResponse<String> stale = pod.send(pod.request(url).header("Content-Type", TURTLE).header("If-Match", "\"0000000000000000\"")
                .PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> 9 .")));
        assertEquals(412, stale.statusCode());
        assertTrue(stale.body().contains("If-Match"));
        HttpResponse<String> fresh = pod.send(pod.request(url).header("Content-Type", TURTLE).header("If-Match", tag)
                .PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> 2 .")));
        assertEquals(204, fresh.statusCode());
        assertEquals(412, pod.send(pod.request(url).header("If-Match", tag).DELETE()).statusCode());
        assertEquals(412, pod.send(pod.request(url).header("If-Match", tag).header("Content-Type", "application/sparql-update")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("INSERT DATA { <#a> <http://ex.org/p> 1 }"))).statusCode());
        assertTrue(pod.get(url, "application/n-triples").body().contains("\"2\""));
        assertEquals(412, pod.send(pod.request(pod.url("c/absent")).header("If-Match", "*").header("Content-Type", TURTLE)
                .PUT(HttpRequest.BodyPublishers.ofString(""))).statusCode());
    }

    @Test
    void ifUnmodifiedSinceGuardsWrites() {
        String url = pod.url("c/since.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        String lastModified = pod.get(url, TURTLE).headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> old = pod.send(pod.request(url).header("Content-Type", TURTLE)
                .header("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> 9 .")));
        assertEquals(412, old.statusCode());
        HttpResponse<String> current = pod.send(pod.request(url).header("Content-Type", TURTLE)
                .header("If-Unmodified-Since", lastModified).PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> 2 .")));
        assertEquals(204, current.statusCode());
    }

    @Test
    void ifNoneMatchStarCreatesOnlyOnce() {
        String url = pod.url("c/once.ttl");
        HttpRequest.Builder create = pod.request(url).header("Content-Type", TURTLE).header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> 1 ."));
        assertEquals(201, pod.send(create).statusCode());
        assertEquals(412, pod.send(create).statusCode());
    }

    @Test
    void twoWritersRacingWithTheSameIfMatchExactlyOneWins() throws Exception {
        int rounds = 10;
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < rounds; round++) {
                String url = pod.url("c/race-" + round);
                pod.put(url, TURTLE, "<> <http://ex.org/p> 0 .");
                String tag = etag(pod.get(url, TURTLE));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int w = 1; w <= writers; w++) {
                    int value = w;
                    results.add(pool.submit(() -> {
                        go.await();
                        return pod.send(pod.request(url).header("Content-Type", TURTLE).header("If-Match", tag)
                                .PUT(HttpRequest.BodyPublishers.ofString("<> <http://ex.org/p> " + value + " ."))).statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get(30, TimeUnit.SECONDS));
                }
                assertEquals(1, statuses.stream().filter(s -> s == 204).count(), "round " + round + ": " + statuses);
                assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), "round " + round + ": " + statuses);
                long values = pod.get(url, "application/n-triples").body().lines().filter(l -> l.contains("http://ex.org/p")).count();
                assertEquals(1, values, "the winner's triple alone, nothing lost or mixed");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
