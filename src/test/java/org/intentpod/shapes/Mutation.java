package org.intentpod.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * One way to break a valid example: a change to its focus node that must violate exactly the named
 * SHACL constraint component on the named property. Derived from the shapes themselves, so every
 * constraint a shape declares gets an invalid example without anyone writing it by hand.
 */
record Mutation(String name, Node path, String component, Consumer<Graph> change) {

    Graph applyTo(Graph valid) {
        Graph copy = GraphFactory.createDefaultGraph();
        valid.find().forEachRemaining(copy::add);
        change.accept(copy);
        return copy;
    }

    /** Every mutation the property shapes of a node shape call for, on the focus node. */
    static List<Mutation> of(Graph shapes, Node nodeShape, Node focus) {
        List<Mutation> mutations = new ArrayList<>();
        for (Triple property : shapes.find(nodeShape, SHACL.property, Node.ANY).toList()) {
            Node ps = property.getObject();
            Node path = one(shapes, ps, SHACL.path);
            String local = path.getLocalName();
            Node minCount = one(shapes, ps, SHACL.minCount);
            if (minCount != null && ((Number) minCount.getLiteralValue()).intValue() >= 1) {
                mutations.add(new Mutation(local + " missing", path, "MinCountConstraintComponent", g -> g.remove(focus, path, Node.ANY)));
            }
            if (one(shapes, ps, SHACL.maxCount) != null) {
                mutations.add(new Mutation(local + " twice", path, "MaxCountConstraintComponent",
                        g -> g.add(focus, path, another(value(g, focus, path)))));
            }
            Node datatype = one(shapes, ps, SHACL.datatype);
            if (datatype != null) {
                Node wrong = datatype.getURI().equals(XSDDatatype.XSDstring.getURI())
                        ? NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger) : NodeFactory.createLiteralString("not a value");
                mutations.add(replace(local + " wrong type", path, "DatatypeConstraintComponent", focus, wrong));
            }
            if (one(shapes, ps, SHACL.in) != null) {
                mutations.add(replace(local + " not allowed", path, "InConstraintComponent", focus,
                        NodeFactory.createURI("https://w3id.org/intentpod/vrm#NotAllowed")));
            }
            Node minInclusive = one(shapes, ps, SHACL.minInclusive);
            if (minInclusive != null) {
                long below = ((Number) minInclusive.getLiteralValue()).longValue() - 1;
                mutations.add(replace(local + " too small", path, "MinInclusiveConstraintComponent", focus,
                        NodeFactory.createLiteralDT(Long.toString(below), XSDDatatype.XSDinteger)));
            }
            if (one(shapes, ps, SHACL.pattern) != null) {
                mutations.add(replace(local + " wrong form", path, "PatternConstraintComponent", focus, NodeFactory.createLiteralString("eur")));
            }
            if (one(shapes, ps, SHACL.nodeKind) != null) {
                mutations.add(replace(local + " not a link", path, "NodeKindConstraintComponent", focus, NodeFactory.createLiteralString("x")));
            }
            if (one(shapes, ps, SHACL.minLength) != null) {
                mutations.add(replace(local + " empty", path, "MinLengthConstraintComponent", focus, NodeFactory.createLiteralString("")));
            }
            if (one(shapes, ps, SHACL.node) != null) {
                mutations.add(replace(local + " incomplete", path, "NodeConstraintComponent", focus, NodeFactory.createBlankNode()));
            }
            if (one(shapes, ps, SHACL.or) != null) {
                mutations.add(replace(local + " no alternative", path, "OrConstraintComponent", focus, NodeFactory.createLiteralString("soon")));
            }
        }
        return mutations;
    }

    private static Mutation replace(String name, Node path, String component, Node focus, Node value) {
        return new Mutation(name, path, component, g -> {
            g.remove(focus, path, Node.ANY);
            g.add(focus, path, value);
        });
    }

    private static Node one(Graph graph, Node subject, Node property) {
        var found = graph.find(subject, property, Node.ANY);
        return found.hasNext() ? found.next().getObject() : null;
    }

    private static Node value(Graph graph, Node focus, Node path) {
        Node value = one(graph, focus, path);
        if (value == null) {
            throw new AssertionError("the valid example must give " + path + " so that it can be broken");
        }
        return value;
    }

    /** Another valid lexical form of the same type: 12.5 -> 12.4, 2025-01 -> 2025-02, 2026-12-31 -> 2026-12-30. */
    private static String bumpLastDigit(String lexical) {
        for (int i = lexical.length() - 1; i >= 0; i--) {
            char c = lexical.charAt(i);
            if (Character.isDigit(c)) {
                return lexical.substring(0, i) + (char) (c > '1' ? c - 1 : c + 1) + lexical.substring(i + 1);
            }
        }
        return lexical + "1";
    }

    /** A different value of the same kind. */
    private static Node another(Node value) {
        if (value.isURI()) {
            return NodeFactory.createURI(value.getURI() + "-other");
        }
        if (value.isLiteral()) {
            String lexical = value.getLiteralLexicalForm();
            return value.getLiteralDatatype() == null || value.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI())
                    ? NodeFactory.createLiteralString(lexical + " bis")
                    : NodeFactory.createLiteralDT(bumpLastDigit(lexical), value.getLiteralDatatype());
        }
        return NodeFactory.createBlankNode();
    }
}
