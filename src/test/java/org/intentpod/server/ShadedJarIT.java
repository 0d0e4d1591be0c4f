package org.intentpod.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.intentpod.DpopSession;
import org.intentpod.JarProcess;
import org.intentpod.SecondParser;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run as users run it. Lost META-INF/services entries break Jena's formats and TDB2
 * silently, so every format and a store restart are checked on the jar itself.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ShadedJarIT {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void helpAndBadFlags() throws Exception {
        JarProcess.Result help = JarProcess.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().contains("--base-url"), help.output());
        JarProcess.Result bad = JarProcess.run("--port", "seventy");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.output().contains("--port takes a number"), bad.output());
    }

    @Test
    void everyFormatWorksFromTheJarAndSigtermStopsCleanly(@TempDir Path dir) throws Exception {
        int port = TestPod.freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        try (JarProcess jar = JarProcess.start(port, data, log)) {
            String card = jar.base() + "demo/profile/card";
            for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
                HttpResponse<String> got = client.send(HttpRequest.newBuilder(URI.create(card)).header("Accept", type).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, got.statusCode(), type);
                assertTrue(SecondParser.parse(got.body(), type, card).size() >= 5, type);
            }
            HttpResponse<String> intention = client.send(HttpRequest.newBuilder(URI.create(jar.base() + "demo/intentions/mobile-plan")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(intention.body().contains("vrm:Intention"), "the demo pod tells the mobile-plan story: " + intention.body());
            HttpResponse<String> csv = client.send(HttpRequest.newBuilder(URI.create(jar.base() + "demo/data/usage-2025.csv")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(csv.body().startsWith("month,data_gb"), csv.body());
            HttpRequest note = HttpRequest.newBuilder(URI.create(jar.base() + "checker/notes/note")).header("Content-Type", "application/ld+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"@id\": \"#n\", \"http://ex.org/p\": \"from the jar\"}")).build();
            assertEquals(401, client.send(note, HttpResponse.BodyHandlers.ofString()).statusCode(), "nobody writes anonymously");
            DpopSession checker = DpopSession.register(client, jar.base(), "checker", TestPod.PASSWORD);
            HttpResponse<String> put = client.send(checker.sign(note), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, put.statusCode(), "tokens and DPoP proofs work from the jar: " + put.body());
            HttpResponse<String> invalid = client.send(checker.sign(HttpRequest.newBuilder(URI.create(jar.base() + "checker/intentions/x"))
                    .header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<#it> a <https://w3id.org/intentpod/vrm#Intention> .")).build()),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(422, invalid.statusCode(), "the SHACL engine works from the jar: " + invalid.body());
            HttpResponse<String> vocabulary = client.send(HttpRequest.newBuilder(URI.create(jar.base() + "ns/vrm")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(SecondParser.parse(vocabulary.body(), "text/turtle", jar.base()).size() > 400, "vocab/ is in the jar");
            assertEquals(143, jar.terminate(), "SIGTERM runs the shutdown hook and exits");
        }
        String output = Files.readString(log);
        assertFalse(output.contains("ERROR"), output);
        try (JarProcess again = JarProcess.start(port, data, log)) {
            DpopSession checker = DpopSession.login(client, again.base(), "checker", TestPod.PASSWORD);
            HttpResponse<String> got = client.send(checker.sign(HttpRequest.newBuilder(URI.create(again.base() + "checker/notes/note")).build()),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(got.body().contains("from the jar"), got.body());
        }
    }
}
