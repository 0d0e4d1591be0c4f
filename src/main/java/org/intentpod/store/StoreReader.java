package org.intentpod.store;

import java.util.Iterator;
import java.util.Optional;
import org.apache.jena.graph.Triple;

/** Read access to the store inside a transaction. Iterators stream and are valid only in it. */
public interface StoreReader {

    Optional<ResourceMeta> meta(String iri);

    /** The triples of an RDF resource's own graph, streamed. */
    Iterator<Triple> triples(String iri);

    /** Whether an RDF resource's graph holds a triple (an index lookup, not a scan). */
    boolean contains(String iri, Triple triple);

    /** IRIs of the resources a container lists, streamed in store order. */
    Iterator<String> members(String containerIri);

    boolean hasMembers(String containerIri);

    /** True when nothing at all is stored. */
    boolean isEmpty();

    /** Ids of every blob that some non-RDF source refers to. */
    Iterator<String> blobIds();
}
