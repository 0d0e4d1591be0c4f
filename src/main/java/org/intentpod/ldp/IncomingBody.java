package org.intentpod.ldp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.eclipse.jetty.http.HttpHeader;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.RdfFormat;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.BlobStore;
import org.intentpod.store.ResourceKind;

/**
 * A PUT or POST body, read and checked before any write transaction starts: parsed RDF, or bytes already
 * stored durably as a new blob (discarded again if the write does not commit).
 */
sealed interface IncomingBody {

    /** The triples to store: the parsed graph, or nothing for a non-RDF source. */
    Graph graph();

    /** Deletes what was stored ahead of a write that did not happen. */
    void discard(BlobStore blobs);

    record Rdf(Graph graph) implements IncomingBody {
        @Override
        public void discard(BlobStore blobs) {
            // nothing was stored ahead
        }
    }

    record Bytes(BlobStore.Stored blob, String contentType) implements IncomingBody {
        @Override
        public Graph graph() {
            return GraphFactory.createDefaultGraph();
        }

        @Override
        public void discard(BlobStore blobs) {
            blobs.delete(blob.id());
        }
    }

    default ResourceKind kind(ResourcePath path) {
        return path.container() ? ResourceKind.CONTAINER : this instanceof Bytes ? ResourceKind.NON_RDF_SOURCE : ResourceKind.RDF_SOURCE;
    }

    default Optional<Bytes> bytes() {
        return this instanceof Bytes b ? Optional.of(b) : Optional.empty();
    }

    /** Reads the body for a resource at a path: RDF for containers and auxiliary resources, else any type. */
    static IncomingBody read(LdpRequest request, LdpContext context, ResourcePath target) throws IOException {
        String contentType = request.requireContentType();
        if (RdfFormat.isQuadFormat(contentType)) {
            throw HttpProblem.unsupportedMediaType("A resource is one graph: quad formats such as TriG and N-Quads are not accepted; use "
                    + RdfFormat.mediaTypeList());
        }
        Optional<RdfFormat> format = RdfFormat.forContentType(contentType);
        if (format.isPresent()) {
            Graph graph;
            try (InputStream body = request.body(context.maxRdfBody())) {
                graph = context.rdfInput().parse(body, format.get(), context.iri(target));
            }
            Containment.refuseContainmentTriples(graph, context.iri(target));
            context.validate(graph, target, request.header(HttpHeader.ACCEPT_LANGUAGE));
            return new Rdf(graph);
        }
        if (target.container() || target.isAuxiliary()) {
            throw HttpProblem.unsupportedMediaType((target.container() ? "A container" : "An auxiliary resource")
                    + " must be written as RDF: " + RdfFormat.mediaTypeList());
        }
        if (!StandardContainers.acceptsFiles(target)) {
            throw HttpProblem.unsupportedMediaType("'" + target.parent() + "' accepts only RDF describing "
                    + StandardContainers.requiredTypes(target).stream().map(Node::getLocalName).toList() + ": " + RdfFormat.mediaTypeList());
        }
        if (MediaTypes.essence(contentType).isEmpty() || !MediaTypes.essence(contentType).contains("/")) {
            throw HttpProblem.badRequest("Malformed Content-Type: " + contentType);
        }
        try (InputStream body = request.body(context.maxBlobBody())) {
            return new Bytes(context.blobs().write(body), contentType.trim());
        }
    }
}
