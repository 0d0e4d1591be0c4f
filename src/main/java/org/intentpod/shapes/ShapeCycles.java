package org.intentpod.shapes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;

/**
 * Refuses recursive shapes when they are loaded. Jena SHACL does not validate them: meeting a cycle in the
 * data it logs a warning and counts the recursive reference as conforming, so invalid data would pass.
 * A clear error at start is better than that silent pass (and than any stack overflow over cyclic data).
 */
final class ShapeCycles {
    private static final List<Node> SINGLE = List.of(SHACL.node, SHACL.property, SHACL.qualifiedValueShape, SHACL.not);
    private static final List<Node> LISTS = List.of(SHACL.or, SHACL.and, SHACL.xone);

    private ShapeCycles() {
    }

    static void refuseRecursion(Graph shapes) {
        Set<Node> done = new HashSet<>();
        for (Node shape : shapes.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).mapWith(t -> t.getSubject()).toList()) {
            visit(shapes, shape, new ArrayDeque<>(), done);
        }
    }

    private static void visit(Graph shapes, Node shape, Deque<Node> path, Set<Node> done) {
        if (path.contains(shape)) {
            List<String> cycle = new ArrayList<>();
            path.descendingIterator().forEachRemaining(n -> cycle.add(n.toString()));
            cycle.add(shape.toString());
            throw new IllegalStateException("Recursive shapes cannot be validated (Jena SHACL would let invalid data through): "
                    + String.join(" -> ", cycle));
        }
        if (!done.add(shape)) {
            return;
        }
        path.push(shape);
        for (Node next : references(shapes, shape)) {
            visit(shapes, next, path, done);
        }
        path.pop();
        done.add(shape);
    }

    private static List<Node> references(Graph shapes, Node shape) {
        List<Node> found = new ArrayList<>();
        for (Node predicate : SINGLE) {
            shapes.find(shape, predicate, Node.ANY).forEachRemaining(t -> found.add(t.getObject()));
        }
        for (Node predicate : LISTS) {
            shapes.find(shape, predicate, Node.ANY).forEachRemaining(t -> {
                for (Node cell = t.getObject(); cell != null && !cell.equals(RDF.nil.asNode()); ) {
                    Node current = cell;
                    shapes.find(current, RDF.first.asNode(), Node.ANY).forEachRemaining(first -> found.add(first.getObject()));
                    var rest = shapes.find(current, RDF.rest.asNode(), Node.ANY);
                    cell = rest.hasNext() ? rest.next().getObject() : null;
                }
            });
        }
        return found;
    }
}
