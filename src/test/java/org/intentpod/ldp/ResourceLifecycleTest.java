package org.intentpod.ldp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.intentpod.LivePodTest;
import org.intentpod.SecondParser;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing and deleting resources and containers over HTTP. */
class ResourceLifecycleTest extends LivePodTest {
    private static final String LDP = "http://www.w3.org/ns/ldp#";
    private static final String TURTLE = "text/turtle";

    @Test
    void putCreatesThenReplacesAndEveryFormatParsesWithRio() {
        String url = pod.url("notes/n1.ttl");
        HttpResponse<String> created = pod.put(url, TURTLE, "<#me> <http://xmlns.com/foaf/0.1/name> \"Alice\" .");
        assertEquals(201, created.statusCode());
        assertEquals(url, created.headers().firstValue("Location").orElseThrow());
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
            HttpResponse<String> got = pod.get(url, type);
            assertEquals(200, got.statusCode(), type);
            assertTrue(got.headers().firstValue("Content-Type").orElseThrow().startsWith(type));
            Model model = SecondParser.parse(got.body(), type, url);
            assertTrue(model.contains(Values.iri(url + "#me"), Values.iri("http://xmlns.com/foaf/0.1/name"), Values.literal("Alice")), type);
        }
        assertEquals(204, pod.put(url, TURTLE, "<#me> <http://xmlns.com/foaf/0.1/name> \"Alicia\" .").statusCode());
        assertTrue(pod.get(url, TURTLE).body().contains("Alicia"));
        assertFalse(pod.get(url, TURTLE).body().contains("\"Alice\""));
    }

    @Test
    void putAcceptsEveryTripleFormat() {
        String jsonLd = "{\"@id\": \"#x\", \"http://ex.org/p\": \"json\"}";
        assertEquals(201, pod.put(pod.url("formats/a"), "application/ld+json", jsonLd).statusCode());
        assertEquals(201, pod.put(pod.url("formats/b"), "application/n-triples", "<http://ex.org/s> <http://ex.org/p> \"nt\" .\n").statusCode());
        String rdfXml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">"
                + "<rdf:Description rdf:about=\"#x\"><ex:p>xml</ex:p></rdf:Description></rdf:RDF>";
        assertEquals(201, pod.put(pod.url("formats/c"), "application/rdf+xml", rdfXml).statusCode());
        assertTrue(pod.get(pod.url("formats/a"), "application/n-triples").body().contains("\"json\""));
        assertTrue(pod.get(pod.url("formats/c"), "application/n-triples").body().contains("<" + pod.url("formats/c") + "#x>"));
    }

    @Test
    void contentNegotiationHonoursQualityAndSays406() {
        String url = pod.url("conneg.ttl");
        pod.put(url, TURTLE, "<#a> <http://ex.org/p> 1 .");
        assertEquals("application/rdf+xml", type(pod.get(url, "text/turtle;q=0.5, application/rdf+xml")));
        assertEquals("application/ld+json", type(pod.get(url, "text/*;q=0.3, application/ld+json;q=0.9")));
        assertEquals("text/turtle", type(pod.get(url, "*/*")));
        assertEquals("text/turtle", type(pod.send(pod.request(url).GET())));
        HttpResponse<String> refused = pod.get(url, "text/html");
        assertEquals(406, refused.statusCode());
        assertTrue(refused.body().contains("text/turtle"));
    }

    @Test
    void putToANestedPathCreatesIntermediateContainers() {
        assertEquals(201, pod.put(pod.url("deep/er/est/doc"), TURTLE, "<> <http://ex.org/p> 1 .").statusCode());
        assertContains(pod.url("deep/"), pod.url("deep/er/"));
        assertContains(pod.url("deep/er/"), pod.url("deep/er/est/"));
        assertContains(pod.url("deep/er/est/"), pod.url("deep/er/est/doc"));
        assertContains(pod.url(""), pod.url("deep/"));
        HttpResponse<String> container = pod.get(pod.url("deep/er/"), TURTLE);
        assertTrue(container.headers().allValues("Link").contains("<" + LDP + "BasicContainer>; rel=\"type\""));
    }

    @Test
    void aResourceAndAContainerCannotShareAName() {
        pod.put(pod.url("twins/x"), TURTLE, "<> <http://ex.org/p> 1 .");
        assertEquals(409, pod.put(pod.url("twins/x/"), TURTLE, "").statusCode());
        assertEquals(409, pod.put(pod.url("twins/x/child"), TURTLE, "").statusCode());
        pod.put(pod.url("twins/y/"), TURTLE, "");
        assertEquals(409, pod.put(pod.url("twins/y"), TURTLE, "").statusCode());
    }

    @Test
    void postCreatesChildrenHonouringSlugWithoutOverwriting() {
        String inbox = pod.url("posts/");
        pod.put(inbox, TURTLE, "");
        HttpResponse<String> first = pod.post(inbox, TURTLE, "<> <http://ex.org/p> 1 .", "Slug", "offer");
        assertEquals(201, first.statusCode());
        assertEquals(pod.url("posts/offer"), first.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> second = pod.post(inbox, TURTLE, "<> <http://ex.org/p> 2 .", "Slug", "offer");
        assertEquals(201, second.statusCode());
        String secondUrl = second.headers().firstValue("Location").orElseThrow();
        assertFalse(secondUrl.equals(pod.url("posts/offer")));
        assertTrue(pod.get(pod.url("posts/offer"), TURTLE).body().contains(" 1 "));
        HttpResponse<String> noSlug = pod.post(inbox, TURTLE, "<> <http://ex.org/p> 3 .");
        assertEquals(201, noSlug.statusCode());
        assertContains(inbox, noSlug.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> hostile = pod.post(inbox, TURTLE, "", "Slug", "../../bob/x");
        assertTrue(hostile.headers().firstValue("Location").orElseThrow().startsWith(inbox));
    }

    @Test
    void postWithContainerLinkCreatesAContainer() {
        HttpResponse<String> made = pod.post(pod.url(""), TURTLE, "", "Slug", "photos", "Link", "<" + LDP + "BasicContainer>; rel=\"type\"");
        assertEquals(201, made.statusCode());
        assertEquals(pod.url("photos/"), made.headers().firstValue("Location").orElseThrow());
        assertEquals(201, pod.post(pod.url("photos/"), "image/png", "\u0089PNG").statusCode());
    }

    @Test
    void postWithAclSlugNeverCreatesAnAcl() {
        pod.put(pod.url("slugs/"), TURTLE, "");
        HttpResponse<String> made = pod.post(pod.url("slugs/"), TURTLE, "", "Slug", "x.acl");
        assertEquals(201, made.statusCode());
        assertFalse(made.headers().firstValue("Location").orElseThrow().endsWith(".acl"));
    }

    @Test
    void nonRdfResourcesKeepTheirBytesAndType() {
        String url = pod.url("data/usage.csv");
        String csv = "month,data_gb,minutes\n2025-01,12.5,340\n";
        assertEquals(201, pod.put(url, "text/csv", csv).statusCode());
        HttpResponse<String> got = pod.get(url, "*/*");
        assertEquals(csv, got.body());
        assertEquals("text/csv", type(got));
        assertTrue(got.headers().allValues("Link").contains("<" + LDP + "NonRDFSource>; rel=\"type\""));
        assertEquals(204, pod.put(url, "text/csv", "month\n").statusCode());
        assertEquals("month\n", pod.get(url, "*/*").body());
        assertEquals(204, pod.delete(url).statusCode());
        assertEquals(404, pod.get(url, "*/*").statusCode());
    }

    @Test
    void deleteRules() {
        pod.put(pod.url("trash/doc"), TURTLE, "<> <http://ex.org/p> 1 .");
        assertEquals(409, pod.delete(pod.url("trash/")).statusCode());
        assertEquals(204, pod.delete(pod.url("trash/doc")).statusCode());
        assertEquals(404, pod.get(pod.url("trash/doc"), TURTLE).statusCode());
        assertFalse(pod.get(pod.url("trash/"), TURTLE).body().contains("trash/doc"));
        assertEquals(204, pod.delete(pod.url("trash/")).statusCode());
        assertEquals(404, pod.delete(pod.url("trash/")).statusCode());
        HttpResponse<String> root = pod.delete(pod.url(""));
        assertEquals(405, root.statusCode());
        assertFalse(root.headers().firstValue("Allow").orElseThrow().contains("DELETE"));
    }

    @Test
    void auxiliaryResourcesAreNotListedAndGoWithTheirSubject() {
        String doc = pod.url("aux/doc");
        pod.put(doc, TURTLE, "<> <http://ex.org/p> 1 .");
        assertEquals(201, pod.put(doc + ".meta", TURTLE, "<doc> <http://ex.org/note> \"x\" .").statusCode());
        assertFalse(pod.get(pod.url("aux/"), TURTLE).body().contains("doc.meta"));
        assertEquals(409, pod.put(pod.url("aux/missing.acl"), TURTLE, "").statusCode());
        assertEquals(415, pod.put(doc + ".acl", "text/plain", "x").statusCode());
        pod.delete(doc);
        assertEquals(404, pod.get(doc + ".meta", TURTLE).statusCode());
        assertEquals(405, pod.delete(pod.url(".acl")).statusCode());
    }

    @Test
    void serverNamesInAPodAreReserved() {
        assertEquals(403, pod.put(pod.url(".hidden"), TURTLE, "").statusCode());
        assertEquals(403, pod.put(pod.url("a/.sparql/x"), TURTLE, "").statusCode());
        assertEquals(404, pod.get(pod.url(".sparql"), TURTLE).statusCode());
        assertEquals(404, pod.get(pod.base() + "idp/", TURTLE).statusCode());
        assertEquals(403, pod.put(pod.base() + "nopod/x", TURTLE, "").statusCode(), "no ACL allows it; whether it exists is not said");
    }

    @Test
    void headersSolidClientsRelyOn() {
        String url = pod.url("headers.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        HttpResponse<String> got = pod.get(url, TURTLE);
        List<String> links = got.headers().allValues("Link");
        assertTrue(links.contains("<" + LDP + "Resource>; rel=\"type\""));
        assertTrue(links.contains("<" + LDP + "RDFSource>; rel=\"type\""));
        assertTrue(links.contains("<" + pod.url(".well-known/solid") + ">; rel=\"http://www.w3.org/ns/solid/terms#storageDescription\""));
        assertEquals("OPTIONS, HEAD, GET, PUT, PATCH, DELETE", got.headers().firstValue("Allow").orElseThrow());
        assertEquals("text/n3, application/sparql-update", got.headers().firstValue("Accept-Patch").orElseThrow());
        assertTrue(got.headers().firstValue("Accept-Put").isPresent());
        assertTrue(got.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        HttpResponse<String> root = pod.get(pod.url(""), TURTLE);
        assertTrue(root.headers().allValues("Link").contains("<http://www.w3.org/ns/pim/space#Storage>; rel=\"type\""));
        assertTrue(root.headers().firstValue("Accept-Post").isPresent());
        HttpResponse<String> options = pod.send(pod.request(pod.url("")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, options.statusCode());
        assertTrue(options.headers().firstValue("Allow").orElseThrow().contains("POST"));
        HttpResponse<String> description = pod.get(pod.url(".well-known/solid"), TURTLE);
        assertEquals(200, description.statusCode());
        assertTrue(SecondParser.parse(description.body(), TURTLE, pod.url(".well-known/solid"))
                .contains(Values.iri(pod.url("")), null, Values.iri("http://www.w3.org/ns/pim/space#Storage")));
    }

    @Test
    void headHasTheHeadersButNoBody() {
        String url = pod.url("head.ttl");
        pod.put(url, TURTLE, "<> <http://ex.org/p> 1 .");
        HttpResponse<String> head = pod.send(pod.request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(pod.get(url, TURTLE).headers().firstValue("ETag"), head.headers().firstValue("ETag"));
    }

    @Test
    void preferHeadersShapeContainerRepresentations() {
        pod.put(pod.url("prefer/a"), TURTLE, "<> <http://ex.org/p> 1 .");
        String minimal = "return=representation; include=\"" + LDP + "PreferMinimalContainer\"";
        HttpResponse<String> got = pod.send(pod.request(pod.url("prefer/")).header("Prefer", minimal).GET());
        assertFalse(got.body().contains("prefer/a"));
        assertEquals("return=representation", got.headers().firstValue("Preference-Applied").orElseThrow());
        String omit = "return=representation; omit=\"" + LDP + "PreferContainment\"";
        assertFalse(pod.send(pod.request(pod.url("prefer/")).header("Prefer", omit).GET()).body().contains("prefer/a"));
        assertTrue(pod.get(pod.url("prefer/"), TURTLE).body().contains("prefer/a"));
    }

    @Test
    void theServerRootIsAHomePageNotAContainer() {
        HttpResponse<String> html = pod.get(pod.base(), "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("IntentPod"));
        assertTrue(html.body().contains("href=\"/idp/login\"") && html.body().contains("href=\"/idp/register\""), html.body());
        HttpResponse<String> rdf = pod.get(pod.base(), TURTLE);
        assertTrue(SecondParser.parse(rdf.body(), TURTLE, pod.base()).contains(Values.iri(pod.base()), null, null));
        assertEquals(405, pod.put(pod.base(), TURTLE, "").statusCode());
    }

    private void assertContains(String container, String member) {
        Model model = SecondParser.parse(pod.get(container, TURTLE).body(), TURTLE, container);
        assertTrue(model.contains(Values.iri(container), Values.iri(LDP + "contains"), Values.iri(member)), container + " lists " + member);
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
    }
}
