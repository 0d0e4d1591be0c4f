package org.intentpod.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The vocabulary and the shapes agree with each other and speak English and French throughout. */
class VocabularyTest {
    private final ShapeLibrary library = ShapeLibrary.load("https://pods.example/");
    private final Graph vocabulary = parse(library.vocabularyTurtle());

    private static Graph parse(byte[] turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(turtle, java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE).base(ShapeLibrary.VOCABULARY_IRI)
                .strict(true).parse(graph);
        return graph;
    }

    private Set<Node> vrmTerms() {
        Set<Node> terms = new HashSet<>();
        vocabulary.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(ShapeLibrary.VRM)) {
                terms.add(t.getSubject());
            }
        });
        return terms;
    }

    private Set<Node> ofType(Node type) {
        Set<Node> nodes = new HashSet<>();
        vocabulary.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> nodes.add(t.getSubject()));
        return nodes;
    }

    private static boolean hasLanguage(Graph graph, Node subject, Node property, String language) {
        return graph.find(subject, property, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLanguage().equals(language)
                        && !t.getObject().getLiteralLexicalForm().isBlank());
    }

    @Test
    void everyTermHasEnglishAndFrenchLabelsAndComments() {
        Set<Node> terms = vrmTerms();
        assertTrue(terms.size() > 50, "terms: " + terms.size());
        for (Node term : terms) {
            for (String language : List.of("en", "fr")) {
                assertTrue(hasLanguage(vocabulary, term, RDFS.label.asNode(), language), term + " rdfs:label@" + language);
                assertTrue(hasLanguage(vocabulary, term, RDFS.comment.asNode(), language), term + " rdfs:comment@" + language);
            }
        }
    }

    @Test
    void everyClassRefinesAStandardTermAndHasAShape() {
        Set<Node> classes = ofType(OWL.Class.asNode());
        assertEquals(10, classes.size(), classes.toString());
        for (Node type : classes) {
            assertTrue(vocabulary.contains(type, RDFS.subClassOf.asNode(), Node.ANY), type + " specialises a standard term");
            assertTrue(library.shapeFor(type).isPresent(), type + " has a shape");
        }
    }

    @Test
    void everyShapeTargetsAndConstrainsTermsThatExist() {
        Graph shapes = library.shapesGraph();
        Set<Node> properties = ofType(OWL.ObjectProperty.asNode());
        properties.addAll(ofType(OWL.DatatypeProperty.asNode()));
        shapes.find(Node.ANY, SHACL.targetClass, Node.ANY).forEachRemaining(t ->
                assertTrue(ofType(OWL.Class.asNode()).contains(t.getObject()), t.getObject() + " is a vrm class"));
        shapes.find(Node.ANY, SHACL.path, Node.ANY).forEachRemaining(t -> {
            Node path = t.getObject();
            if (path.getURI().startsWith(ShapeLibrary.VRM)) {
                assertTrue(properties.contains(path), path + " is a vrm property");
            }
        });
        Set<Node> inValues = new HashSet<>();
        shapes.find(Node.ANY, RDF.first.asNode(), Node.ANY).forEachRemaining(t -> inValues.add(t.getObject()));
        for (Node value : inValues) {
            if (value.isURI() && value.getURI().startsWith(ShapeLibrary.VRM)) {
                assertFalse(vocabulary.find(value, RDF.type.asNode(), Node.ANY).toList().isEmpty(), value + " exists in the vocabulary");
            }
        }
    }

    @Test
    void everyPropertyShapeNamesAndDescribesItsFieldInBothLanguages() {
        Graph shapes = library.shapesGraph();
        shapes.find(Node.ANY, SHACL.property, Node.ANY).forEachRemaining(t -> {
            Node property = t.getObject();
            for (String language : List.of("en", "fr")) {
                assertTrue(hasLanguage(shapes, property, SHACL.name, language), t.getSubject() + " " + property + " sh:name@" + language);
                assertTrue(hasLanguage(shapes, property, SHACL.description, language), t.getSubject() + " sh:description@" + language);
            }
        });
    }

    @Test
    void theJsonLdContextMapsOnlyToTermsThatExist() {
        String context = new String(library.context(), java.nio.charset.StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("\"vrm:(\\w+)\"").matcher(context);
        int found = 0;
        while (matcher.find()) {
            found++;
            assertFalse(vocabulary.find(ShapeLibrary.vrm(matcher.group(1)), Node.ANY, Node.ANY).toList().isEmpty(), matcher.group(1));
        }
        assertTrue(found > 30);
    }
}
