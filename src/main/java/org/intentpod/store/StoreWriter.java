package org.intentpod.store;

import org.apache.jena.graph.Graph;

/** Write access to the store inside a write transaction. */
public interface StoreWriter extends StoreReader {

    /** Creates or replaces a resource's metadata (and with it, its place in its parent container). */
    void putMeta(ResourceMeta meta);

    /** Replaces the triples of an RDF resource's graph. */
    void replaceTriples(String iri, Graph content);

    /** Removes a resource: its graph and its metadata. */
    void remove(String iri);
}
