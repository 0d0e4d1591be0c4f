package org.intentpod.ldp;

import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.intentpod.http.ResourcePath;

/** The pod's storage description resource ({@code /{pod}/.well-known/solid}), generated, read-only. */
final class StorageDescription {
    private StorageDescription() {
    }

    static boolean is(ResourcePath path) {
        return path.segments().size() == 3 && !path.container()
                && path.segments().get(1).equals(".well-known") && path.segments().get(2).equals("solid");
    }

    static Iterator<Triple> triples(String podIri) {
        return List.of(Triple.create(NodeFactory.createURI(podIri), RDF.type.asNode(), NodeFactory.createURI(Terms.PIM_STORAGE)))
                .iterator();
    }
}
