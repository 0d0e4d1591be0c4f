package org.intentpod.vocab;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.ContentNegotiation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.RdfFormat;

/** Serves a read-only RDF document shipped in the jar, in the negotiated format, optionally as an HTML page. */
final class StaticRdf {
    private StaticRdf() {
    }

    /** Refuses anything but GET, HEAD and OPTIONS on these read-only documents. */
    static boolean readOnly(Request request, Response response) {
        String method = request.getMethod();
        response.getHeaders().put(HttpHeader.ALLOW, "OPTIONS, HEAD, GET");
        if (HttpMethod.OPTIONS.is(method)) {
            response.setStatus(204);
            return false;
        }
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            throw HttpProblem.methodNotAllowed(method, "OPTIONS, HEAD, GET");
        }
        return true;
    }

    static Graph parse(byte[] turtle, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(turtle, StandardCharsets.UTF_8), Lang.TURTLE).base(base).parse(graph);
        return graph;
    }

    /**
     * Answers with the Turtle as shipped, the same triples in another RDF format, or the HTML page when the
     * client prefers HTML and one is given (html may be null).
     */
    static void serve(Request request, Response response, byte[] turtle, String base, String html) throws Exception {
        String[] offers = html == null
                ? new String[] {RdfFormat.TURTLE.mediaType(), RdfFormat.JSON_LD.mediaType(), RdfFormat.N_TRIPLES.mediaType(), RdfFormat.RDF_XML.mediaType()}
                : new String[] {RdfFormat.TURTLE.mediaType(), MediaTypes.HTML, RdfFormat.JSON_LD.mediaType(), RdfFormat.N_TRIPLES.mediaType(),
                    RdfFormat.RDF_XML.mediaType()};
        String type = ContentNegotiation.choose(request.getHeaders().get(HttpHeader.ACCEPT), offers)
                .orElseThrow(() -> new HttpProblem(406, "Not Acceptable", "Available as " + String.join(", ", offers)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        response.getHeaders().add(HttpHeader.VARY, "Accept");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            if (type.equals(RdfFormat.TURTLE.mediaType())) {
                out.write(turtle);
            } else if (type.equals(MediaTypes.HTML)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
            } else {
                Graph graph = parse(turtle, base);
                RDFDataMgr.write(out, graph, RdfFormat.forContentType(type).orElseThrow().lang());
            }
        }
    }
}
