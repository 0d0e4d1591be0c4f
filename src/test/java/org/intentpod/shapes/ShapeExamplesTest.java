package org.intentpod.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every shape, a valid example and an invalid example per constraint (generated from the shape), run
 * against the validator directly and through HTTP (201 for the valid one, 422 naming the constraint for
 * each invalid one).
 */
class ShapeExamplesTest extends LivePodTest {
    /** Example file, and the container of a pod it belongs in. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "intention", "intentions/", "offer", "inbox/", "vendor", "other/", "access-grant", "grants/",
            "access-log-entry", "log/", "usage-record", "other/", "telecom-usage-record", "data/",
            "energy-usage-record", "data/", "usage-summary", "data/", "data-import", "data/");
    private static final String TEST_BASE = "https://pods.example/";
    private final ShapeLibrary library = ShapeLibrary.load(TEST_BASE);
    private final ShapeValidator validator = new ShapeValidator(library);

    private static String example(String name) {
        try (InputStream in = ShapeExamplesTest.class.getResourceAsStream("/examples/" + name + ".ttl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Graph parse(String turtle, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base(base).parse(graph);
        return graph;
    }

    private Node shapeOf(Graph data, Node focus) {
        Node type = data.find(focus, RDF.type.asNode(), Node.ANY).next().getObject();
        return library.shapeFor(type).orElseThrow(() -> new AssertionError("no shape targets " + type));
    }

    private static String turtle(Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, Lang.TURTLE);
        return out.toString(StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> validatorAcceptsValidExamplesAndNamesEveryBrokenConstraint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EXAMPLES.keySet().stream().sorted().toList()) {
            String base = TEST_BASE + "alice/" + EXAMPLES.get(name) + name;
            Graph valid = parse(example(name), base);
            Node focus = NodeFactory.createURI(base + "#it");
            tests.add(DynamicTest.dynamicTest(name + " valid", () -> assertEquals(List.of(), validator.violations(valid, "en"))));
            List<Mutation> mutations = Mutation.of(library.shapesGraph(), shapeOf(valid, focus), focus);
            assertTrue(mutations.size() >= 3, name + " has constraints to break");
            for (Mutation mutation : mutations) {
                tests.add(DynamicTest.dynamicTest(name + " " + mutation.name(), () -> {
                    List<Violation> violations = validator.violations(mutation.applyTo(valid), "en");
                    assertTrue(violations.stream().anyMatch(v -> v.constraint().equals(mutation.component())
                            && (v.path() == null || v.path().contains(mutation.path().getURI()))), mutation.name() + ": " + violations);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleThroughHttp() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EXAMPLES.keySet().stream().sorted().toList()) {
            tests.add(DynamicTest.dynamicTest(name + " valid: 201", () -> {
                String url = pod.url(EXAMPLES.get(name) + name);
                HttpResponse<String> put = pod.put(url, "text/turtle", example(name));
                assertEquals(201, put.statusCode(), put.body());
            }));
            tests.add(DynamicTest.dynamicTest(name + " each broken constraint: 422", () -> {
                String url = pod.url(EXAMPLES.get(name) + "broken-" + name);
                Graph valid = parse(example(name), url);
                Node focus = NodeFactory.createURI(url + "#it");
                for (Mutation mutation : Mutation.of(library.shapesGraph(), shapeOf(valid, focus), focus)) {
                    HttpResponse<String> put = pod.put(url, "text/turtle", turtle(mutation.applyTo(valid)));
                    assertEquals(422, put.statusCode(), mutation.name() + ": " + put.body());
                    assertTrue(put.body().contains(mutation.component()), mutation.name() + ": " + put.body());
                }
                assertEquals(404, pod.get(url, "text/turtle").statusCode(), "nothing invalid was stored");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nodeLevelRules() {
        return Stream.of(
                DynamicTest.dynamicTest("a grant covers a container or a shape", () -> assertBroken("access-grant",
                        g -> {
                            g.remove(Node.ANY, ShapeLibrary.vrm("scopeContainer"), Node.ANY);
                            g.remove(Node.ANY, ShapeLibrary.vrm("scopeShape"), Node.ANY);
                        }, "OrConstraintComponent")),
                DynamicTest.dynamicTest("a revoked grant says when", () -> assertBroken("access-grant",
                        g -> g.remove(Node.ANY, ShapeLibrary.vrm("revokedAt"), Node.ANY), "OrConstraintComponent")),
                DynamicTest.dynamicTest("a quantity needs a unit", () -> assertBroken("intention",
                        g -> g.remove(Node.ANY, NodeFactory.createURI("https://schema.org/unitCode"), NodeFactory.createLiteralString("E34")),
                        "NodeConstraintComponent")),
                DynamicTest.dynamicTest("a telecom record is a usage record", () -> assertBroken("telecom-usage-record",
                        g -> g.remove(Node.ANY, ShapeLibrary.vrm("period"), Node.ANY), "NodeConstraintComponent")));
    }

    private void assertBroken(String name, java.util.function.Consumer<Graph> change, String component) {
        Graph graph = parse(example(name), TEST_BASE + "x/" + name);
        change.accept(graph);
        List<Violation> violations = validator.violations(graph, "en");
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.constraint().equals(component)), violations.toString());
    }
}
