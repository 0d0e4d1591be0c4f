package org.intentpod.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.store.StoreReader;
import org.intentpod.store.StoreWriter;

/**
 * The identity provider's server-private records: one graph per record, named with a {@code urn:intentpod:}
 * IRI (outside every pod, so never reachable over HTTP), whose subject is the graph's own name and whose
 * properties are plain text fields. Lists are index graphs holding one {@code member} triple per entry.
 */
final class Records {
    private static final String NS = "urn:intentpod:auth#";
    private static final Node MEMBER = field("member");

    private Records() {
    }

    private static Node field(String name) {
        return NodeFactory.createURI(NS + name);
    }

    /** The record's fields; empty when there is no such record. */
    static Map<String, String> read(StoreReader reader, String graph) {
        Node subject = NodeFactory.createURI(graph);
        Map<String, String> values = new HashMap<>();
        for (Iterator<Triple> it = reader.triples(graph); it.hasNext(); ) {
            Triple t = it.next();
            if (t.getSubject().equals(subject) && t.getPredicate().getURI().startsWith(NS)) {
                values.put(t.getPredicate().getURI().substring(NS.length()),
                        t.getObject().isURI() ? t.getObject().getURI() : t.getObject().getLiteralLexicalForm());
            }
        }
        return values;
    }

    /** Replaces the record with these fields (null values are left out). */
    static void write(StoreWriter writer, String graph, Map<String, String> values) {
        Node subject = NodeFactory.createURI(graph);
        Graph content = GraphFactory.createDefaultGraph();
        values.forEach((name, value) -> {
            if (value != null) {
                content.add(subject, field(name), NodeFactory.createLiteralString(value));
            }
        });
        writer.replaceTriples(graph, content);
    }

    /** A list field's text: its items joined by spaces, for items that never contain one (absolute URIs). */
    static String joined(Collection<?> items) {
        List<String> parts = new ArrayList<>();
        if (items != null) {
            items.forEach(item -> parts.add(item.toString()));
        }
        return String.join(" ", parts);
    }

    /** The items of a list field written by {@link #joined}; none when it is absent or empty. */
    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(" "));
    }

    static List<String> members(StoreReader reader, String index) {
        List<String> members = new ArrayList<>();
        for (Iterator<Triple> it = reader.triples(index); it.hasNext(); ) {
            Triple t = it.next();
            if (t.getPredicate().equals(MEMBER)) {
                members.add(t.getObject().getLiteralLexicalForm());
            }
        }
        return members;
    }

    static void addMember(StoreWriter writer, String index, String member) {
        List<String> members = new ArrayList<>(members(writer, index));
        members.add(member);
        writeMembers(writer, index, members);
    }

    /** Removes an entry from an index; false, with nothing written, when it was not there. */
    static boolean removeMember(StoreWriter writer, String index, String member) {
        List<String> members = new ArrayList<>(members(writer, index));
        if (!members.remove(member)) {
            return false;
        }
        writeMembers(writer, index, members);
        return true;
    }

    static void writeMembers(StoreWriter writer, String index, List<String> members) {
        Node subject = NodeFactory.createURI(index);
        Graph content = GraphFactory.createDefaultGraph();
        members.forEach(member -> content.add(subject, MEMBER, NodeFactory.createLiteralString(member)));
        writer.replaceTriples(index, content);
    }
}
