package org.intentpod.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.shapes.ShapeLibrary;
import org.intentpod.shapes.ShapeValidator;

/**
 * Time to validate a typical intention (about 50 triples) and a 12-month usage import (about 1,000 triples)
 * against all shipped shapes, as a ratio to the time to parse the same Turtle: the cost the SHACL gate adds
 * to a write. Run with {@code pod-server/bench validation}.
 */
public final class ValidationBench {
    private static final String BASE = "http://localhost:8080/bench/";
    private static final int ROUNDS = 7;
    private static final long ROUND_NANOS = 1_000_000_000L;

    private ValidationBench() {
    }

    public static void main(String[] args) {
        ShapeValidator validator = new ShapeValidator(ShapeLibrary.load("http://localhost:8080/"));
        System.out.printf(Locale.ROOT, "%-28s %8s %14s %14s %10s%n", "payload", "triples", "parse µs/op", "validate µs/op", "ratio");
        for (String[] payload : new String[][] {{"intention", intention()}, {"12-month usage import", usageImport()}}) {
            String turtle = payload[1];
            Graph graph = parse(turtle);
            if (!validator.validate(graph).conforms()) {
                throw new IllegalStateException(payload[0] + " must be valid");
            }
            double parse = median(() -> parse(turtle));
            double validate = median(() -> validator.validate(graph));
            System.out.printf(Locale.ROOT, "%-28s %8d %14.1f %14.1f %9.2fx%n", payload[0], graph.size(), parse / 1000, validate / 1000,
                    validate / parse);
        }
    }

    private static Graph parse(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base(BASE + "doc").parse(graph);
        return graph;
    }

    /** Nanoseconds per operation: the median of several one-second rounds, after as many warm-up rounds. */
    private static double median(Supplier<?> operation) {
        double[] rounds = new double[ROUNDS];
        for (int r = -ROUNDS; r < ROUNDS; r++) {
            long count = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                if (operation.get() == null) {
                    throw new IllegalStateException();
                }
                count++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < ROUND_NANOS);
            if (r >= 0) {
                rounds[r] = elapsed / (double) count;
            }
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static String intention() {
        StringBuilder t = new StringBuilder("""
                @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix schema: <https://schema.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
                <#it> a vrm:Intention ; schema:name "Mobile plan, 50 GB" ;
                    schema:description "Frequent EU travel, no commitment, eSIM wanted." ;
                    schema:category vrm:MobilePlan ; vrm:state vrm:Open ; schema:eligibleRegion "France" ;
                    schema:validThrough "2027-01-31T23:59:59Z"^^xsd:dateTime ; dcterms:created "2026-11-24T10:00:00Z"^^xsd:dateTime ;
                    vrm:evidence <summary#it> ;
                    schema:priceSpecification [ a schema:UnitPriceSpecification ; schema:maxPrice 20.00 ; schema:priceCurrency "EUR" ; schema:unitCode "MON" ] ;
                    vrm:contractLength [ a schema:QuantitativeValue ; schema:maxValue 12 ; schema:unitCode "MON" ] .
                """);
        String[][] requirements = {{"data volume", "50", "E34"}, {"call minutes", "300", "MIN"}, {"text messages", "100", "NMB"},
            {"roaming data", "10", "E34"}, {"5G speed", "100", "E20"}, {"eSIM profiles", "2", "NMB"}, {"hotspot data", "20", "E34"},
            {"international minutes", "60", "MIN"}};
        for (String[] r : requirements) {
            t.append("<#it> vrm:requirement [ a schema:QuantitativeValue ; schema:name \"").append(r[0]).append("\" ; schema:minValue ")
                    .append(r[1]).append(" ; schema:unitCode \"").append(r[2]).append("\" ] .\n");
        }
        return t.toString();
    }

    /** Twelve months of ten phone lines, as one import: about a thousand triples. */
    private static String usageImport() {
        StringBuilder t = new StringBuilder("""
                @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix schema: <https://schema.org/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <#import> a vrm:DataImport ; vrm:source "Telco Example, family account CSV" ;
                    vrm:importedAt "2026-11-24T09:00:00Z"^^xsd:dateTime ; vrm:recordCount 120 .
                """);
        for (int line = 0; line < 10; line++) {
            for (int month = 1; month <= 12; month++) {
                String id = "<#l" + line + "m" + month + ">";
                t.append("<#import> vrm:record ").append(id).append(" .\n").append(id).append(" a vrm:TelecomUsageRecord ; vrm:period \"2025-")
                        .append(String.format(Locale.ROOT, "%02d", month)).append("\"^^xsd:gYearMonth ; vrm:dataUsedGB ")
                        .append(10 + line).append(".5 ; vrm:callMinutes ").append(200 + month).append(" ; vrm:smsCount ").append(20 + line)
                        .append(" ; vrm:amountBilled 19.99 ; schema:priceCurrency \"EUR\" .\n");
            }
        }
        return t.toString();
    }
}
