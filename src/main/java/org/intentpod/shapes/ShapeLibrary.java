package org.intentpod.shapes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The vocabulary and the SHACL shapes shipped in the jar ({@code vocab/}, {@code shapes/}), read and parsed
 * once at start. Shapes are parsed with their served URL as base, so every shape IRI dereferences.
 */
public final class ShapeLibrary {
    public static final String VRM = "https://w3id.org/intentpod/vrm#";
    public static final String VOCABULARY_IRI = "https://w3id.org/intentpod/vrm";
    private static final String INDEX = "shapes/index.txt";
    private final String shapesBase;
    private final byte[] vocabularyTurtle;
    private final byte[] context;
    private final Map<String, byte[]> files;
    private final Graph shapesGraph;
    private final Shapes shapes;

    private ShapeLibrary(String shapesBase, byte[] vocabularyTurtle, byte[] context, Map<String, byte[]> files, Graph shapesGraph) {
        this.shapesBase = shapesBase;
        this.vocabularyTurtle = vocabularyTurtle;
        this.context = context;
        this.files = files;
        this.shapesGraph = shapesGraph;
        ShapeCycles.refuseRecursion(shapesGraph);
        this.shapes = Shapes.parse(shapesGraph);
    }

    /** Loads everything from the classpath; the shapes are served under {@code baseUrl + "shapes/"}. */
    public static ShapeLibrary load(String baseUrl) {
        String shapesBase = baseUrl + "shapes/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        Graph graph = GraphFactory.createDefaultGraph();
        for (String name : new String(resource(INDEX), StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            byte[] turtle = resource("shapes/" + name);
            files.put(name, turtle);
            RDFParser.fromString(new String(turtle, StandardCharsets.UTF_8), Lang.TURTLE).base(shapesBase + name).parse(graph);
        }
        return new ShapeLibrary(shapesBase, resource("vocab/vrm.ttl"), resource("vocab/vrm.context.jsonld"), Map.copyOf(files), graph);
    }

    /** A library of other shapes (no vocabulary), for checking the validator against shapes we do not ship. */
    static ShapeLibrary withShapes(String baseUrl, Graph shapes) {
        return new ShapeLibrary(baseUrl + "shapes/", new byte[0], new byte[0], Map.of(), shapes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ShapeLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Shapes shapes() {
        return shapes;
    }

    /** All shapes as one graph (labels, names and descriptions included). */
    public Graph shapesGraph() {
        return shapesGraph;
    }

    public String shapesBase() {
        return shapesBase;
    }

    /** Shape file names, in index order. */
    public List<String> fileNames() {
        return List.copyOf(new java.util.TreeMap<>(files).keySet());
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public byte[] vocabularyTurtle() {
        return vocabularyTurtle.clone();
    }

    /** The JSON-LD context for the vocabulary. */
    public byte[] context() {
        return context.clone();
    }

    /** The node shape that targets a class, if any. */
    public Optional<Node> shapeFor(Node targetClass) {
        var found = shapesGraph.find(Node.ANY, SHACL.targetClass, targetClass);
        try {
            return found.hasNext() ? Optional.of(found.next().getSubject()) : Optional.empty();
        } finally {
            found.close();
        }
    }

    public static Node vrm(String localName) {
        return NodeFactory.createURI(VRM + localName);
    }
}
