package org.intentpod.ldp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.intentpod.access.Operation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.Preconditions;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;

/**
 * PATCH with N3 Patch or SPARQL Update; a missing resource is created, as the Solid Protocol says. The
 * patch is applied to a copy and validated outside the write transaction (TDB2 has one writer at a time);
 * the write then commits only if the resource is still at the version the copy was taken from.
 */
final class PatchHandler implements MethodHandler {
    private static final int ATTEMPTS = 5;
    private final LdpContext context;
    private final Containment containment;

    PatchHandler(LdpContext context, Containment containment) {
        this.context = context;
        this.containment = containment;
    }

    private record Snapshot(ResourceMeta previous, Graph graph) {
    }

    @Override
    public void handle(LdpRequest request, Response response) throws Exception {
        ResourcePath path = request.path();
        WriteGuards.refuseReserved(path, "PATCH");
        GraphPatch patch = parse(request);
        context.authorize(request, WriteGuards.maybeCreating(context, new Operation(path, patch.modes(), null, Set.of())));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Snapshot snapshot = context.store().read(reader -> {
                containment.requirePod(reader, path);
                ResourceMeta previous = reader.meta(request.iri()).orElse(null);
                if (previous != null && previous.kind() == ResourceKind.NON_RDF_SOURCE) {
                    throw HttpProblem.methodNotAllowed("PATCH", LdpHeaders.allow(path, previous));
                }
                Preconditions.evaluate(request.headers(), previous == null ? null : previous.version(),
                        previous == null ? null : previous.modified(), false);
                if (previous == null) {
                    containment.checkCreatable(reader, path);
                }
                Graph copy = GraphFactory.createDefaultGraph();
                reader.triples(request.iri()).forEachRemaining(copy::add);
                return new Snapshot(previous, copy);
            });
            patch.applyTo(snapshot.graph());
            Containment.refuseContainmentTriples(snapshot.graph(), request.iri());
            context.validate(snapshot.graph(), path, request.header(HttpHeader.ACCEPT_LANGUAGE));
            Boolean created = context.store().write(writer -> {
                ResourceMeta current = writer.meta(request.iri()).orElse(null);
                if (!sameVersion(current, snapshot.previous())) {
                    return null;
                }
                if (current == null) {
                    containment.checkCreatable(writer, path);
                }
                writer.replaceTriples(request.iri(), snapshot.graph());
                containment.put(writer, path, current, path.container() ? ResourceKind.CONTAINER : ResourceKind.RDF_SOURCE,
                        null, 0, null, context.now());
                return current == null;
            });
            if (created != null) {
                if (created) {
                    response.setStatus(201);
                    response.getHeaders().put(HttpHeader.LOCATION, request.iri());
                } else {
                    response.setStatus(204);
                }
                return;
            }
        }
        throw HttpProblem.conflict("The resource kept changing while the patch was applied; retry");
    }

    private static boolean sameVersion(ResourceMeta current, ResourceMeta seen) {
        return current == null ? seen == null : seen != null && current.version().equals(seen.version());
    }

    private GraphPatch parse(LdpRequest request) throws Exception {
        String type = MediaTypes.essence(request.requireContentType());
        if (!type.equals(MediaTypes.N3) && !type.equals(MediaTypes.SPARQL_UPDATE)) {
            throw new HttpProblem(415, "Unsupported Media Type", "PATCH takes " + LdpHeaders.ACCEPT_PATCH,
                    Map.of("Accept-Patch", LdpHeaders.ACCEPT_PATCH));
        }
        String text;
        try (InputStream body = request.body(context.maxRdfBody())) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        return type.equals(MediaTypes.N3) ? N3Patch.parse(text, request.iri()) : SparqlUpdatePatch.parse(text, request.iri());
    }
}
