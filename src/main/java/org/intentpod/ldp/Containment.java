package org.intentpod.ldp;

import java.time.Instant;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.StoreReader;
import org.intentpod.store.StoreWriter;

/**
 * The server's side of containment, used inside write transactions: a pod must exist, a name is either a
 * resource or a container, missing intermediate containers are created, and a container's version
 * changes whenever its membership does.
 */
final class Containment {
    private final LdpContext context;

    Containment(LdpContext context) {
        this.context = context;
    }

    void requirePod(StoreReader reader, ResourcePath path) {
        if (reader.meta(context.iri(path.podRoot())).isEmpty()) {
            throw HttpProblem.notFound("There is no pod named '" + path.pod() + "'");
        }
    }

    /** Checks what must hold before a resource is created at a path: no twin, a subject for auxiliaries. */
    void checkCreatable(StoreReader reader, ResourcePath path) {
        if (reader.meta(context.iri(path.twin())).isPresent()) {
            throw HttpProblem.conflict(path.container()
                    ? "A resource named '" + path.name() + "' exists; a container cannot have the same name"
                    : "A container named '" + path.name() + "/' exists; a resource cannot have the same name");
        }
        if (path.isAuxiliary() && reader.meta(context.iri(path.auxiliarySubject())).isEmpty()) {
            throw HttpProblem.conflict("The resource '" + path.auxiliarySubject() + "' that this auxiliary resource describes does not exist");
        }
        for (ResourcePath ancestor = path.parent(); ancestor.segments().size() > 1; ancestor = ancestor.parent()) {
            if (reader.meta(context.iri(ancestor.twin())).isPresent()) {
                throw HttpProblem.conflict("'" + ancestor.twin() + "' is a resource, not a container");
            }
        }
    }

    /** Records a new or replaced resource, creating missing ancestors and touching its parent if new. */
    void put(StoreWriter writer, ResourcePath path, ResourceMeta previous, ResourceKind kind, String contentType,
            long size, String blob, Instant now) {
        String parent = path.isAuxiliary() || path.isPodRoot() ? null : context.iri(path.parent());
        String iri = context.iri(path);
        writer.putMeta(new ResourceMeta(iri, kind, contentType, LdpContext.newVersion(), now, size, blob, parent));
        if (previous == null && parent != null) {
            ensureContainer(writer, path.parent(), now);
        }
    }

    /** Records a resource written from a request body (RDF, or bytes already in the blob store). */
    void put(StoreWriter writer, ResourcePath path, ResourceMeta previous, IncomingBody body, Instant now) {
        var bytes = body.bytes();
        put(writer, path, previous, body.kind(path), bytes.map(IncomingBody.Bytes::contentType).orElse(null),
                bytes.map(b -> b.blob().size()).orElse(0L), bytes.map(b -> b.blob().id()).orElse(null), now);
    }

    /** Removes a resource and its auxiliary resources, and touches its parent. */
    void remove(StoreWriter writer, ResourcePath path, ResourceMeta meta, Instant now) {
        for (ResourcePath auxiliary : path.auxiliaries()) {
            writer.remove(context.iri(auxiliary));
        }
        writer.remove(meta.iri());
        if (meta.parent() != null) {
            touch(writer, writer.meta(meta.parent()).orElseThrow(), now);
        }
    }

    /** Makes sure a container exists (creating its ancestors as needed) and marks its membership changed. */
    private void ensureContainer(StoreWriter writer, ResourcePath container, Instant now) {
        var existing = writer.meta(context.iri(container));
        if (existing.isPresent()) {
            touch(writer, existing.get(), now);
            return;
        }
        writer.putMeta(ResourceMeta.rdf(context.iri(container), ResourceKind.CONTAINER, LdpContext.newVersion(), now,
                context.iri(container.parent())));
        ensureContainer(writer, container.parent(), now);
    }

    private static void touch(StoreWriter writer, ResourceMeta meta, Instant now) {
        writer.putMeta(new ResourceMeta(meta.iri(), meta.kind(), meta.contentType(), LdpContext.newVersion(), now,
                meta.size(), meta.blob(), meta.parent()));
    }

    /** Containment triples are the server's: a body that states them for this resource is refused. */
    static void refuseContainmentTriples(Graph graph, String iri) {
        Node subject = NodeFactory.createURI(iri);
        if (graph.contains(subject, Terms.CONTAINS, Node.ANY)) {
            throw HttpProblem.conflict("Containment triples (ldp:contains) are managed by the server and cannot be written");
        }
    }
}
