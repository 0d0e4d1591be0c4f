package org.intentpod.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.intentpod.DpopSession;
import org.intentpod.JarProcess;
import org.intentpod.SecondParser;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers hammer the real jar with RDF and non-RDF PUTs while it is killed with SIGKILL at random
 * moments; after each restart every write that was answered 2xx must be there and whole (or a later
 * write of the same resource, which may have committed without its answer getting out). Rounds come
 * from {@code -Ddurability.rounds=N}; the seed from {@code -Ddurability.seed}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DurabilityIT {
    private static final int WRITERS = 4;
    private static final int RESOURCES_PER_WRITER = 3;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The pod owner's session: every write and read is authenticated, as a real client's. */
    private DpopSession session;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("durability.rounds", 4);
        long seed = Long.getLong("durability.seed", System.nanoTime());
        Random random = new Random(seed);
        int port = TestPod.freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> nextVersion = new ConcurrentHashMap<>();
        DpopSession owner = null;
        for (int round = 0; round < rounds; round++) {
            String context = "seed " + seed + ", round " + round;
            try (JarProcess jar = JarProcess.start(port, data, log)) {
                if (owner == null) {
                    owner = DpopSession.register(client, jar.base(), "dura", TestPod.PASSWORD);
                }
                session = owner;
                verify(jar.base(), acknowledged, context);
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    work.add(writers.submit(() -> write(jar.base(), writer, running, acknowledged, nextVersion)));
                }
                Thread.sleep(300 + random.nextInt(1500));
                jar.kill();
                running.set(false);
                writers.shutdown();
                assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), context);
            }
        }
        try (JarProcess jar = JarProcess.start(port, data, log)) {
            verify(jar.base(), acknowledged, "seed " + seed + ", after the last kill");
        }
        assertTrue(acknowledged.size() >= WRITERS, "some writes were acknowledged: " + acknowledged.size());
    }

    private void write(String base, int writer, AtomicBoolean running, Map<String, Integer> acknowledged, Map<String, Integer> nextVersion) {
        for (int i = 0; running.get(); i++) {
            String name = (i % 2 == 0 ? "rdf-" : "blob-") + writer + "-" + (i / 2 % RESOURCES_PER_WRITER);
            int version = nextVersion.merge(name, 1, Integer::sum);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "dura/data/" + name)).timeout(Duration.ofSeconds(10));
            request = name.startsWith("rdf-")
                    ? request.header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(turtle(name, version)))
                    : request.header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(name, version)));
            try {
                int status = client.send(session.sign(request.build()), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    acknowledged.put(name, version);
                }
            } catch (IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception signing) {
                throw new IllegalStateException(signing);
            }
        }
    }

    private void verify(String base, Map<String, Integer> acknowledged, String context) throws Exception {
        for (Map.Entry<String, Integer> entry : acknowledged.entrySet()) {
            String name = entry.getKey();
            String url = base + "dura/data/" + name;
            HttpResponse<byte[]> got = client.send(session.sign(HttpRequest.newBuilder(URI.create(url)).build()), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode(), context + ": " + name + " lost");
            if (name.startsWith("rdf-")) {
                Model model = SecondParser.parse(new String(got.body(), StandardCharsets.UTF_8), "text/turtle", url);
                int version = Integer.parseInt(model.filter(null, Values.iri("http://ex.org/version"), null).objects().iterator().next().stringValue());
                assertTrue(version >= entry.getValue(), context + ": " + name + " went back from " + entry.getValue() + " to " + version);
                assertEquals(101, model.size(), context + ": " + name + " is torn");
                assertTrue(model.contains(Values.iri(url + "#x99"), Values.iri("http://ex.org/v"), Values.literal(BigInteger.valueOf(version))), context);
            } else {
                int version = ByteVersion.of(got.body());
                assertTrue(version >= entry.getValue(), context + ": " + name + " went back from " + entry.getValue() + " to " + version);
                assertArrayEquals(bytes(name, version), got.body(), context + ": " + name + " is torn");
            }
        }
    }

    private static String turtle(String name, int version) {
        StringBuilder body = new StringBuilder("<#doc> <http://ex.org/version> " + version + " .\n");
        for (int i = 0; i < 100; i++) {
            body.append("<#x").append(i).append("> <http://ex.org/v> ").append(version).append(" .\n");
        }
        return body.toString();
    }

    /** 64 KiB whose first four bytes are the version and the rest derived from name and version. */
    private static byte[] bytes(String name, int version) {
        byte[] bytes = new byte[64 * 1024];
        new Random(name.hashCode() * 31L + version).nextBytes(bytes);
        ByteVersion.write(bytes, version);
        return bytes;
    }

    private static final class ByteVersion {
        static void write(byte[] bytes, int version) {
            bytes[0] = (byte) (version >>> 24);
            bytes[1] = (byte) (version >>> 16);
            bytes[2] = (byte) (version >>> 8);
            bytes[3] = (byte) version;
        }

        static int of(byte[] bytes) {
            return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
        }
    }
}
