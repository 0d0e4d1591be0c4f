package org.intentpod.ldp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.Test;

/** PATCH with Solid N3 Patch and SPARQL Update, including every refusal the Solid Protocol names. */
class PatchTest extends LivePodTest {
    private static final String N3 = "text/n3";
    private static final String SPARQL = "application/sparql-update";
    private static final String PREFIXES = "@prefix solid: <http://www.w3.org/ns/solid/terms#>. @prefix ex: <http://ex.org/>.\n";

    private String resource(String name) {
        String url = pod.url("patch/" + name);
        assertEquals(201, pod.put(url, "text/turtle", "@prefix ex: <http://ex.org/>. <#me> ex:name \"Claudia\"; ex:age 40 . <#you> ex:age 40 .").statusCode());
        return url;
    }

    private String nt(String url) {
        return pod.get(url, "application/n-triples").body();
    }

    private static String n3(String clauses) {
        return PREFIXES + "_:patch a solid:InsertDeletePatch;\n" + clauses + " .";
    }

    @Test
    void n3PatchWithWhereDeletesAndInserts() {
        String url = resource("rename");
        String patch = n3("solid:where { ?p ex:name \"Claudia\" };\n solid:deletes { ?p ex:name \"Claudia\" };\n solid:inserts { ?p ex:name \"Alex\"; ex:nick \"{braces in a string}\" }");
        assertEquals(204, pod.patch(url, N3, patch).statusCode());
        String after = nt(url);
        assertTrue(after.contains("\"Alex\""), after);
        assertTrue(after.contains("{braces in a string}"));
        assertFalse(after.contains("Claudia"));
    }

    @Test
    void n3PatchRefusesAmbiguousOrMissingMatches() {
        String url = resource("ambiguous");
        String before = nt(url);
        assertEquals(409, pod.patch(url, N3, n3("solid:where { ?p ex:age 40 }; solid:inserts { ?p ex:x 1 }")).statusCode());
        assertEquals(409, pod.patch(url, N3, n3("solid:where { ?p ex:age 99 }; solid:inserts { ?p ex:x 1 }")).statusCode());
        assertEquals(409, pod.patch(url, N3, n3("solid:deletes { <#me> ex:name \"Nobody\" }")).statusCode());
        assertEquals(before.lines().sorted().toList(), nt(url).lines().sorted().toList());
    }

    @Test
    void n3PatchRefusesDocumentsThatBreakTheRules() {
        String url = resource("rules");
        String before = nt(url);
        assertEquals(422, pod.patch(url, N3, PREFIXES + "_:p solid:inserts { <#me> ex:x 1 } .").statusCode(), "no InsertDeletePatch type");
        assertEquals(422, pod.patch(url, N3, n3("solid:inserts { ?unbound ex:x 1 }")).statusCode(), "unbound variable");
        assertEquals(422, pod.patch(url, N3, n3("solid:where { _:b ex:age 40 }; solid:inserts { <#me> ex:x 1 }")).statusCode(), "blank node in where");
        assertEquals(422, pod.patch(url, N3, n3("solid:inserts { <#me> ex:x { <#a> ex:b 1 } }")).statusCode(), "nested formula");
        assertEquals(422, pod.patch(url, N3, n3("solid:inserts { <#a> ex:x 1 }; solid:inserts { <#b> ex:x 1 }")).statusCode(), "two inserts");
        assertEquals(422, pod.patch(url, N3, n3("solid:inserts <#notAFormula>")).statusCode());
        assertEquals(422, pod.patch(url, N3, n3("solid:where { ?s ex:p/ex:q ?o }; solid:inserts { ?s ex:x 1 }")).statusCode(), "path");
        assertEquals(400, pod.patch(url, N3, n3("solid:inserts { <#me> ex:x ")).statusCode(), "unclosed formula");
        assertEquals(400, pod.patch(url, N3, "this is not N3 {").statusCode());
        assertEquals(before.lines().sorted().toList(), nt(url).lines().sorted().toList());
    }

    @Test
    void n3PatchInsertsFreshBlankNodes() {
        String url = resource("bnodes");
        assertEquals(204, pod.patch(url, N3, n3("solid:inserts { <#me> ex:address _:a. _:a ex:city \"Lyon\" }")).statusCode());
        assertEquals(204, pod.patch(url, N3, n3("solid:inserts { <#me> ex:address _:a. _:a ex:city \"Nice\" }")).statusCode());
        assertEquals(2, nt(url).lines().filter(l -> l.contains("http://ex.org/address")).count());
    }

    @Test
    void patchCreatesAMissingResource() {
        String url = pod.url("patch/new/created.ttl");
        HttpResponse<String> created = pod.patch(url, N3, n3("solid:inserts { <#me> ex:name \"New\" }"));
        assertEquals(201, created.statusCode());
        assertTrue(nt(url).contains("\"New\""));
        assertEquals(201, pod.patch(pod.url("patch/sparql-created"), SPARQL, "INSERT DATA { <#a> <http://ex.org/p> 1 }").statusCode());
    }

    @Test
    void sparqlUpdateOnTheTargetResource() {
        String url = resource("sparql");
        assertEquals(204, pod.patch(url, SPARQL, "PREFIX ex: <http://ex.org/> INSERT DATA { <#me> ex:city \"Paris\" }").statusCode());
        assertEquals(204, pod.patch(url, SPARQL, "PREFIX ex: <http://ex.org/> DELETE DATA { <#me> ex:age 40 }").statusCode());
        assertEquals(204, pod.patch(url, SPARQL,
                "PREFIX ex: <http://ex.org/> DELETE { ?p ex:name ?n } INSERT { ?p ex:name \"Claude\" } WHERE { ?p ex:name ?n }").statusCode());
        assertEquals(204, pod.patch(url, SPARQL, "PREFIX ex: <http://ex.org/> DELETE WHERE { <#you> ex:age ?a }").statusCode());
        String after = nt(url);
        assertTrue(after.contains("\"Paris\"") && after.contains("\"Claude\""));
        assertFalse(after.contains("Claudia") || after.contains("#you"));
    }

    @Test
    void sparqlUpdateCannotReachOtherGraphs() {
        String url = resource("sparql-scope");
        String before = nt(url);
        assertEquals(422, pod.patch(url, SPARQL, "INSERT DATA { GRAPH <" + pod.url("other") + "> { <#a> <http://ex.org/p> 1 } }").statusCode());
        assertEquals(422, pod.patch(url, SPARQL, "INSERT { <#a> <http://ex.org/p> ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").statusCode());
        assertEquals(422, pod.patch(url, SPARQL, "INSERT { <#a> <http://ex.org/p> ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }").statusCode());
        assertEquals(422, pod.patch(url, SPARQL, "WITH <" + pod.url("other") + "> INSERT { <#a> <http://ex.org/p> 1 } WHERE {}").statusCode());
        assertEquals(422, pod.patch(url, SPARQL, "CLEAR ALL").statusCode());
        assertEquals(422, pod.patch(url, SPARQL, "LOAD <http://127.0.0.1:1/x>").statusCode());
        assertEquals(400, pod.patch(url, SPARQL, "INSERT DATA { broken").statusCode());
        assertEquals(before.lines().sorted().toList(), nt(url).lines().sorted().toList());
    }

    @Test
    void patchRefusals() {
        String url = resource("refusals");
        HttpResponse<String> wrongType = pod.patch(url, "application/json", "{}");
        assertEquals(415, wrongType.statusCode());
        assertEquals("text/n3, application/sparql-update", wrongType.headers().firstValue("Accept-Patch").orElseThrow());
        assertEquals(409, pod.patch(pod.url("patch/"), SPARQL, "INSERT DATA { <> <http://www.w3.org/ns/ldp#contains> <x> }").statusCode());
        pod.put(pod.url("patch/file.csv"), "text/csv", "a,b\n");
        assertEquals(405, pod.patch(pod.url("patch/file.csv"), SPARQL, "INSERT DATA { <#a> <http://ex.org/p> 1 }").statusCode());
        assertEquals("a,b\n", pod.get(pod.url("patch/file.csv"), "*/*").body());
    }
}
