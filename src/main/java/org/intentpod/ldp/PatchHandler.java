package org.intentpod.ldp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.Preconditions;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;

/** PATCH with N3 Patch or SPARQL Update; a missing resource is created, as the Solid Protocol says. */
final class PatchHandler implements MethodHandler {
    private final LdpContext context;
    private final Containment containment;

    PatchHandler(LdpContext context, Containment containment) {
        this.context = context;
        this.containment = containment;
    }

    @Override
    public void handle(LdpRequest request, Response response) throws Exception {
        ResourcePath path = request.path();
        WriteGuards.refuseReserved(path, "PATCH");
        GraphPatch patch = parse(request);
        boolean created = context.store().write(writer -> {
            containment.requirePod(writer, path);
            ResourceMeta previous = writer.meta(request.iri()).orElse(null);
            if (previous != null && previous.kind() == ResourceKind.NON_RDF_SOURCE) {
                throw HttpProblem.methodNotAllowed("PATCH", LdpHeaders.allow(path, previous));
            }
            Preconditions.evaluate(request.headers(), previous == null ? null : previous.version(),
                    previous == null ? null : previous.modified(), false);
            if (previous == null) {
                containment.checkCreatable(writer, path);
            }
            Graph graph = GraphFactory.createDefaultGraph();
            writer.triples(request.iri()).forEachRemaining(graph::add);
            patch.applyTo(graph);
            Containment.refuseContainmentTriples(graph, request.iri());
            writer.replaceTriples(request.iri(), graph);
            containment.put(writer, path, previous, path.container() ? ResourceKind.CONTAINER : ResourceKind.RDF_SOURCE,
                    null, 0, null, context.now());
            return previous == null;
        });
        if (created) {
            response.setStatus(201);
            response.getHeaders().put(HttpHeader.LOCATION, request.iri());
        } else {
            response.setStatus(204);
        }
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
