package org.intentpod.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Server-managed metadata of one resource. It lives in the store's system graph, never in the
 * resource's own graph, so no client write can forge it.
 *
 * @param iri the resource IRI
 * @param kind container, RDF source or non-RDF source
 * @param contentType the stored media type of a non-RDF source; null otherwise
 * @param version opaque version, changes on every write (the ETag's core)
 * @param modified time of the last write
 * @param size byte length of a non-RDF source; 0 otherwise
 * @param blob blob id of a non-RDF source's bytes; null otherwise
 * @param parent the IRI of the container listing it, or null for pod roots and auxiliary resources
 */
public record ResourceMeta(String iri, ResourceKind kind, String contentType, String version, Instant modified,
        long size, String blob, String parent) {

    public ResourceMeta {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(modified, "modified");
        if (kind == ResourceKind.NON_RDF_SOURCE && (blob == null || contentType == null)) {
            throw new IllegalArgumentException("a non-RDF source needs a blob and a content type");
        }
    }

    public static ResourceMeta rdf(String iri, ResourceKind kind, String version, Instant modified, String parent) {
        return new ResourceMeta(iri, kind, null, version, modified, 0, null, parent);
    }

    public static ResourceMeta binary(String iri, String contentType, String version, Instant modified, long size,
            String blob, String parent) {
        return new ResourceMeta(iri, ResourceKind.NON_RDF_SOURCE, contentType, version, modified, size, blob, parent);
    }

    public boolean isContainer() {
        return kind == ResourceKind.CONTAINER;
    }
}
