package org.intentpod.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.intentpod.LivePodTest;
import org.intentpod.SecondParser;
import org.junit.jupiter.api.Test;

/** What clients see of validation: reports by Accept and Accept-Language, constrained containers, the vocabulary. */
class ValidationOverHttpTest extends LivePodTest {
    private static final String TURTLE = "text/turtle";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String INVALID = """
            @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix schema: <https://schema.org/> .
            <#it> a vrm:Intention ; schema:category vrm:MobilePlan ; vrm:state vrm:Open ;
                schema:priceSpecification [ schema:maxPrice -5 ; schema:priceCurrency "EUR" ] .
            """;

    @Test
    void a422ListsViolationsInTheRequestedLanguage() {
        HttpResponse<String> en = pod.put(pod.url("intentions/bad"), TURTLE, INVALID);
        assertEquals(422, en.statusCode());
        assertTrue(en.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(en.body().contains("\"violations\""), en.body());
        assertTrue(en.body().contains("title is required."), en.body());
        HttpResponse<String> fr = pod.send(pod.request(pod.url("intentions/bad")).header("Content-Type", TURTLE)
                .header("Accept-Language", "fr-FR, fr;q=0.9, en;q=0.5").PUT(HttpRequest.BodyPublishers.ofString(INVALID)));
        assertEquals(422, fr.statusCode());
        assertTrue(fr.body().contains("titre : valeur obligatoire."), fr.body());
        assertTrue(fr.body().contains("budget"), fr.body());
        assertEquals(404, pod.get(pod.url("intentions/bad"), TURTLE).statusCode());
    }

    @Test
    void a422CarriesTheShaclReportAsRdf() {
        for (String type : new String[] {TURTLE, "application/ld+json"}) {
            HttpResponse<String> report = pod.send(pod.request(pod.url("intentions/bad-rdf")).header("Content-Type", TURTLE).header("Accept", type)
                    .PUT(HttpRequest.BodyPublishers.ofString(INVALID)));
            assertEquals(422, report.statusCode());
            Model model = SecondParser.parse(report.body(), type, pod.base());
            assertTrue(model.contains(null, Values.iri(SH + "conforms"), Values.literal(false)), report.body());
            assertTrue(model.contains(null, Values.iri(SH + "resultPath"), Values.iri("https://schema.org/name")), report.body());
        }
    }

    @Test
    void constrainedContainersSayWhatTheyAcceptAndRefuseTheRest() {
        HttpResponse<String> container = pod.get(pod.url("intentions/"), TURTLE);
        String shape = pod.base() + "shapes/intention.ttl#IntentionShape";
        assertTrue(container.headers().allValues("Link").contains("<" + shape + ">; rel=\"http://www.w3.org/ns/ldp#constrainedBy\""),
                container.headers().allValues("Link").toString());
        assertTrue(SecondParser.parse(container.body(), TURTLE, pod.url("intentions/"))
                .contains(Values.iri(pod.url("intentions/")), Values.iri("http://www.w3.org/ns/ldp#constrainedBy"), Values.iri(shape)));
        HttpResponse<String> untyped = pod.post(pod.url("intentions/"), TURTLE, "<#x> <http://ex.org/p> 1 .");
        assertEquals(422, untyped.statusCode());
        assertTrue(untyped.body().contains("RequiredTypeConstraintComponent"), untyped.body());
        assertEquals(415, pod.put(pod.url("intentions/bill.pdf"), "application/pdf", "%PDF").statusCode());
        assertEquals(201, pod.put(pod.url("data/usage.csv"), "text/csv", "month,gb\n").statusCode(), "data/ keeps the company's files");
        assertEquals(201, pod.put(pod.url("notes/free"), TURTLE, "<#x> <http://ex.org/p> 1 .").statusCode(), "other containers are free");
    }

    @Test
    void patchesAreValidatedToo() {
        String url = pod.url("intentions/patched");
        String valid = """
                @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix schema: <https://schema.org/> .
                <#it> a vrm:Intention ; schema:name "Broadband" ; schema:category vrm:Broadband ; vrm:state vrm:Draft .
                """;
        assertEquals(201, pod.put(url, TURTLE, valid).statusCode());
        HttpResponse<String> breaking = pod.patch(url, "application/sparql-update",
                "PREFIX schema: <https://schema.org/> DELETE WHERE { <#it> schema:name ?n }");
        assertEquals(422, breaking.statusCode(), breaking.body());
        assertTrue(pod.get(url, TURTLE).body().contains("Broadband"), "nothing changed");
        assertEquals(204, pod.patch(url, "application/sparql-update",
                "PREFIX vrm: <https://w3id.org/intentpod/vrm#> DELETE { <#it> vrm:state ?s } INSERT { <#it> vrm:state vrm:Open } WHERE { <#it> vrm:state ?s }")
                .statusCode());
    }

    @Test
    void jsonLdWithTheShippedContextNeedsNoNetwork() {
        String jsonLd = """
                {"@context": "https://w3id.org/intentpod/vrm.jsonld", "id": "#it", "type": "Intention", "name": "Energy, 3000 kWh",
                 "category": "vrm:Energy", "state": "vrm:Open",
                 "priceSpecification": {"maxPrice": 80, "priceCurrency": "EUR", "unitCode": "MON"}}
                """;
        HttpResponse<String> put = pod.put(pod.url("intentions/energy"), "application/ld+json", jsonLd);
        assertEquals(201, put.statusCode(), put.body());
        assertTrue(pod.get(pod.url("intentions/energy"), "application/n-triples").body().contains("https://w3id.org/intentpod/vrm#Energy"));
        String local = jsonLd.replace("https://w3id.org/intentpod/vrm.jsonld", pod.base() + "ns/vrm.jsonld");
        assertEquals(201, pod.put(pod.url("intentions/energy-2"), "application/ld+json", local).statusCode());
    }

    @Test
    void theVocabularyAndShapesAreDereferenceable() {
        HttpResponse<String> turtle = pod.get(pod.base() + "ns/vrm", TURTLE);
        assertEquals(200, turtle.statusCode());
        assertTrue(SecondParser.parse(turtle.body(), TURTLE, pod.base()).size() > 400);
        HttpResponse<String> jsonLd = pod.get(pod.base() + "ns/vrm", "application/ld+json");
        assertTrue(SecondParser.parse(jsonLd.body(), "application/ld+json", pod.base()).size() > 400);
        HttpResponse<String> html = pod.get(pod.base() + "ns/vrm", "text/html");
        assertTrue(html.body().contains("Forfait mobile") && html.body().contains("vrm:Intention"), "HTML documents each term");
        HttpResponse<String> context = pod.get(pod.base() + "ns/vrm.jsonld", "*/*");
        assertTrue(context.body().contains("\"@context\""));
        HttpResponse<String> index = pod.get(pod.base() + "shapes/", TURTLE);
        assertTrue(index.body().contains("intention.ttl") && index.body().contains("usage-summary.ttl"), index.body());
        HttpResponse<String> shape = pod.get(pod.base() + "shapes/intention.ttl", "application/n-triples");
        assertTrue(shape.body().contains("<" + pod.base() + "shapes/intention.ttl#IntentionShape>"), shape.body());
        assertEquals(404, pod.get(pod.base() + "shapes/nope.ttl", TURTLE).statusCode());
        assertEquals(405, pod.put(pod.base() + "ns/vrm", TURTLE, "").statusCode());
        assertFalse(pod.get(pod.base() + "ns/other", TURTLE).statusCode() == 200);
    }
}
