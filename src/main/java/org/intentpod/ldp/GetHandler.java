package org.intentpod.ldp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.ContentNegotiation;
import org.intentpod.http.EntityTag;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.Preconditions;
import org.intentpod.http.RdfFormat;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.StoreReader;

/** GET and HEAD: content negotiation, conditional requests, streamed bodies. */
final class GetHandler implements MethodHandler {
    /** A blob replaced between reading its metadata and opening it is retried with the newer state. */
    private static final int BLOB_ATTEMPTS = 3;
    private static final long CACHE_BYTES = 32L * 1024 * 1024;
    private final LdpContext context;
    private final RepresentationCache cache = new RepresentationCache(CACHE_BYTES);

    GetHandler(LdpContext context) {
        this.context = context;
    }

    @Override
    public void handle(LdpRequest request, Response response) throws IOException {
        ResourcePath path = request.path();
        if (StorageDescription.is(path)) {
            describeStorage(request, response);
            return;
        }
        if (path.isServerReserved()) {
            throw HttpProblem.notFound("No resource at " + path);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                InputStream blob = context.store().read(reader -> respond(request, response, reader));
                if (blob != null) {
                    try (blob; OutputStream out = Content.Sink.asOutputStream(response)) {
                        blob.transferTo(out);
                    }
                }
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == BLOB_ATTEMPTS || response.isCommitted()) {
                    throw e;
                }
            }
        }
    }

    /** Answers inside the read transaction; returns the opened blob of a non-RDF source to stream after it. */
    private InputStream respond(LdpRequest request, Response response, StoreReader reader) {
        // Decided before anything about the target is read, in the same transaction.
        var decision = context.access().authorize(reader, request.agent(), request.header(HttpHeader.ORIGIN), Operation.on(request.path(), AccessMode.READ));
        response.getHeaders().put("WAC-Allow", decision.wacAllow());
        ResourceMeta meta = reader.meta(request.iri()).orElseThrow(() -> HttpProblem.notFound("No resource at " + request.path()));
        boolean head = HttpMethod.HEAD.is(request.method());
        if (meta.kind() == ResourceKind.NON_RDF_SOURCE) {
            if (!conditionsAllow(request, response, meta, EntityTag.of(meta.version()))) {
                return null;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, meta.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, meta.size());
            return head ? null : openBlob(meta.blob());
        }
        RdfFormat format = ContentNegotiation.chooseRdf(request.header(HttpHeader.ACCEPT))
                .orElseThrow(() -> new HttpProblem(406, "Not Acceptable",
                        "This RDF resource is available as " + RdfFormat.mediaTypeList()));
        if (!conditionsAllow(request, response, meta, EntityTag.of(meta.version(), format))) {
            return null;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.mediaType() + "; charset=utf-8");
        Prefer prefer = Prefer.parse(request.header("Prefer"));
        if (meta.isContainer() && !prefer.isEmpty()) {
            response.getHeaders().put("Preference-Applied", "return=representation");
        }
        if (meta.isContainer()) {
            // Listings can be long: they stream and are never cached.
            body(response, head, out -> RdfOutput.write(out, format, representation(reader, request.path(), meta, prefer), true));
            return null;
        }
        byte[] rendered = rendered(reader, meta, format);
        if (rendered == null) {
            body(response, head, out -> RdfOutput.write(out, format, reader.triples(meta.iri())));
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, rendered.length);
            body(response, head, out -> out.write(rendered));
        }
        return null;
    }

    /** Writes a body, except for HEAD. */
    private static void body(Response response, boolean head, BodyWriter writer) {
        if (head) {
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** The bytes of an RDF source from the cache, rendered now if missing; null when too large to keep. */
    private byte[] rendered(StoreReader reader, ResourceMeta meta, RdfFormat format) {
        RepresentationCache.Key key = new RepresentationCache.Key(meta.iri(), meta.version(), format);
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CappedBuffer buffer = new CappedBuffer(RepresentationCache.MAX_ENTRY_BYTES);
        if (!buffer.fill(out -> RdfOutput.write(out, format, reader.triples(meta.iri())))) {
            return null;
        }
        byte[] bytes = buffer.toByteArray();
        cache.put(key, bytes);
        return bytes;
    }

    /** Sets the resource headers and evaluates preconditions; false when the answer is 304 with no body. */
    private boolean conditionsAllow(LdpRequest request, Response response, ResourceMeta meta, String etag) {
        LdpHeaders.describe(response.getHeaders(), request.path(), meta, context);
        LdpHeaders.validators(response.getHeaders(), etag, meta);
        if (Preconditions.evaluate(request.headers(), meta.version(), meta.modified(), true) == Preconditions.Outcome.NOT_MODIFIED) {
            response.setStatus(304);
            return false;
        }
        return true;
    }

    private Iterator<Triple> representation(StoreReader reader, ResourcePath path, ResourceMeta meta, Prefer prefer) {
        Iterator<Triple> own = reader.triples(meta.iri());
        if (!meta.isContainer()) {
            return own;
        }
        Node container = NodeFactory.createURI(meta.iri());
        List<Triple> types = new ArrayList<>();
        for (String type : path.isPodRoot()
                ? List.of(Terms.LDP_BASIC_CONTAINER, Terms.LDP_CONTAINER, Terms.LDP_RESOURCE, Terms.PIM_STORAGE)
                : List.of(Terms.LDP_BASIC_CONTAINER, Terms.LDP_CONTAINER, Terms.LDP_RESOURCE)) {
            types.add(Triple.create(container, RDF.type.asNode(), NodeFactory.createURI(type)));
        }
        for (Node shape : LdpHeaders.constrainedBy(path, context)) {
            types.add(Triple.create(container, NodeFactory.createURI(Terms.LDP + "constrainedBy"), shape));
        }
        Iterator<Triple> described = Iter.concat(types.iterator(), own);
        if (!prefer.wantsContainment()) {
            return described;
        }
        return Iter.concat(described,
                Iter.map(reader.members(meta.iri()), member -> Triple.create(container, Terms.CONTAINS, NodeFactory.createURI(member))));
    }

    private InputStream openBlob(String id) {
        try {
            return context.blobs().open(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describeStorage(LdpRequest request, Response response) throws IOException {
        ResourcePath root = request.path().podRoot();
        boolean exists = context.store().read(reader -> reader.meta(context.iri(root)).isPresent());
        if (!exists) {
            throw HttpProblem.notFound("There is no pod named '" + root.pod() + "'");
        }
        RdfFormat format = ContentNegotiation.chooseRdf(request.header(HttpHeader.ACCEPT))
                .orElseThrow(() -> new HttpProblem(406, "Not Acceptable", "Available as " + RdfFormat.mediaTypeList()));
        LdpHeaders.describe(response.getHeaders(), request.path(), null, context);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.mediaType() + "; charset=utf-8");
        body(response, HttpMethod.HEAD.is(request.method()), out -> RdfOutput.write(out, format, StorageDescription.triples(context.iri(root))));
    }
}
