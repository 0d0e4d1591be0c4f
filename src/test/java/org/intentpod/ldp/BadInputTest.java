package org.intentpod.ldp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input always gets a clear problem body, and never changes what was stored. */
class BadInputTest extends LivePodTest {
    private static final String TURTLE = "text/turtle";
    private String keeper;

    @BeforeAll
    void storeAResourceThatMustSurvive() {
        keeper = pod.url("keep/doc.ttl");
        assertEquals(201, pod.put(keeper, TURTLE, "<#a> <http://ex.org/p> \"original\" .").statusCode());
    }

    private void assertKeeperUnchanged() {
        assertTrue(pod.get(keeper, TURTLE).body().contains("\"original\""));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailFragment) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\" : " + status), response.body());
        assertTrue(response.body().contains(detailFragment), response.body());
    }

    @Test
    void malformedRdfSaysWhereItFailed() {
        assertProblem(pod.put(keeper, TURTLE, "<#a> <http://ex.org/p> \"broken ."), 400, "line: 1");
        assertProblem(pod.put(keeper, "application/ld+json", "{\"@id\": "), 400, "JSON-LD");
        assertProblem(pod.put(keeper, "application/rdf+xml", "<rdf:RDF"), 400, "RDF/XML");
        assertProblem(pod.put(keeper, "application/n-triples", "<a> <b> ."), 400, "N-Triples");
        assertKeeperUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {":I%", "@prefix : <http://ex.org/> . :I% :p 1 .", "<#a> <http://ex.org/p> \"\\uD800\" .", "\u0000"})
    void hostileTurtleIsA400NotA500(String body) {
        HttpResponse<String> response = pod.put(keeper, TURTLE, body);
        assertEquals(400, response.statusCode(), response.body());
        assertKeeperUnchanged();
    }

    @Test
    void unsupportedAndMissingMediaTypes() {
        assertProblem(pod.put(keeper, "application/trig", "{ <#a> <http://ex.org/p> 1 . }"), 415, "quad");
        assertProblem(pod.put(keeper, "application/n-quads", "<http://a> <http://b> <http://c> <http://g> ."), 415, "quad");
        assertProblem(pod.put(pod.url("keep/"), "text/plain", "x"), 415, "container");
        HttpResponse<String> noType = pod.send(pod.request(keeper).PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertProblem(noType, 400, "Content-Type");
        assertKeeperUnchanged();
    }

    @Test
    void containmentTriplesAreTheServers() {
        String container = pod.url("keep/");
        assertProblem(pod.put(container, TURTLE, "<> <http://www.w3.org/ns/ldp#contains> <other> ."), 409, "ldp:contains");
        assertFalse(pod.get(container, TURTLE).body().contains("other"));
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "<#a> <http://ex.org/p> \"" + "x".repeat(70 * 1024) + "\" .";
        assertProblem(pod.put(keeper, TURTLE, big), 413, "limit");
        HttpResponse<String> streamed = pod.send(pod.request(keeper).header("Content-Type", TURTLE)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(413, streamed.statusCode(), "chunked bodies are counted too");
        assertProblem(pod.put(pod.url("keep/blob.bin"), "application/octet-stream", "y".repeat(300 * 1024)), 413, "limit");
        assertEquals(404, pod.get(pod.url("keep/blob.bin"), "*/*").statusCode());
        assertKeeperUnchanged();
    }

    @Test
    void methodsAResourceDoesNotTakeAre405WithAllow() {
        HttpResponse<String> response = pod.send(pod.request(keeper).method("PROPFIND", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, response.statusCode());
        assertEquals("OPTIONS, HEAD, GET, PUT, PATCH, DELETE", response.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, pod.post(keeper, TURTLE, "").statusCode());
        assertEquals(405, pod.put(pod.url(".well-known/solid"), TURTLE, "").statusCode());
    }

    @Test
    void problemsComeAsRdfWhenAsked() {
        HttpResponse<String> response = pod.send(pod.request(pod.url("missing")).header("Accept", TURTLE).GET());
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(TURTLE));
        assertTrue(org.intentpod.SecondParser.parse(response.body(), TURTLE, pod.base()).size() >= 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alice/../bob/x", "/alice/%2e%2e/bob/x", "/alice/%2E%2e/x", "/alice/a%2Fb", "/alice/a%5Cb", "/alice/./x",
        "/alice/x;jsessionid=1", "/alice//x", "/alice/a%00b", "/alice/%ZZ", "/alice/%C0%AE%C0%AE/x", "/alice/a%2"})
    void pathTricksAreRefusedWithAProblemBody(String rawPath) throws IOException {
        String response = rawRequest("PUT " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/turtle\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        String statusLine = response.lines().findFirst().orElseThrow();
        assertTrue(statusLine.contains(" 400 "), rawPath + " -> " + statusLine);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"status\" : 400"), response);
    }

    @Test
    void rdfXmlParsersNeverReadExternalEntities(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cret-value");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">"
                + "<rdf:Description rdf:about=\"#a\"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>";
        HttpResponse<String> response = pod.put(pod.url("keep/xxe"), "application/rdf+xml", xxe);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 201, response.body());
        assertFalse(pod.get(pod.url("keep/xxe"), TURTLE).body().contains("s3cret"), "the external entity was never read");
    }

    @Test
    void rdfXmlEntityExpansionIsBounded() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"lol\">");
        for (char c = 'b'; c <= 'k'; c++) {
            laughs.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">")
                .append("<rdf:Description rdf:about=\"#a\"><ex:p>&k;</ex:p></rdf:Description></rdf:RDF>");
        assertEquals(400, pod.put(pod.url("keep/laughs"), "application/rdf+xml", laughs.toString()).statusCode());
        assertEquals(404, pod.get(pod.url("keep/laughs"), TURTLE).statusCode());
    }

    @Test
    void jsonLdRemoteContextsAreNeverFetched() {
        HttpResponse<String> response = pod.put(pod.url("keep/remote.jsonld"), "application/ld+json",
                "{\"@context\": \"http://127.0.0.1:1/context.jsonld\", \"@id\": \"#a\", \"name\": \"x\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("not fetched"), response.body());
    }

    private String rawRequest(String request) throws IOException {
        int port = java.net.URI.create(pod.base()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
