package org.intentpod.shapes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recursive shapes are refused with a clear error when loaded, because over cyclic data Jena SHACL counts
 * the recursive reference as conforming; and cyclic data against our (non-recursive) shapes validates and
 * terminates.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecursiveShapesTest {

    private static Graph parse(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base("http://ex.org/shapes").parse(graph);
        return graph;
    }

    @Test
    void recursiveShapesAreRefusedClearly() {
        Graph direct = parse("""
                @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex.org/> .
                <#Person> a sh:NodeShape ; sh:targetClass ex:Person ;
                    sh:property [ sh:path ex:knows ; sh:node <#Person> ] ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
                """);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ShapeLibrary.withShapes("http://ex.org/", direct));
        assertTrue(refused.getMessage().contains("Recursive shapes") && refused.getMessage().contains("#Person"), refused.getMessage());
        Graph throughOr = parse("""
                @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex.org/> .
                <#A> a sh:NodeShape ; sh:or ( [ sh:path ex:b ; sh:node <#B> ] [ sh:path ex:c ; sh:minCount 1 ] ) .
                <#B> a sh:NodeShape ; sh:property [ sh:path ex:a ; sh:node <#A> ] .
                """);
        assertThrows(IllegalStateException.class, () -> ShapeLibrary.withShapes("http://ex.org/", throughOr));
    }

    @Test
    void cyclicDataAgainstOurShapesTerminates() {
        ShapeValidator validator = new ShapeValidator(ShapeLibrary.load("https://pods.example/"));
        Graph cycle = parse("""
                @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <#i> a vrm:DataImport ; vrm:source "loop" ; vrm:importedAt "2026-01-01T00:00:00Z"^^xsd:dateTime ;
                    vrm:recordCount 1 ; vrm:record <#r> .
                <#r> a vrm:TelecomUsageRecord ; vrm:period "2025-01"^^xsd:gYearMonth ; vrm:record <#i> .
                <#s> a vrm:UsageSummary ; vrm:derivedFrom <#s> .
                """);
        List<Violation> violations = validator.violations(cycle, "fr");
        assertTrue(violations.stream().allMatch(v -> v.focusNode().endsWith("#s")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.constraint().equals("MinCountConstraintComponent") && v.path().contains("summaryOf")),
                violations.toString());
    }
}
