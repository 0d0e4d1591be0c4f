package org.intentpod.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The only place that writes error bodies: {@code application/problem+json} (RFC 9457) by default, or the
 * same facts as RDF (W3C HTTP vocabulary) when the client asks for an RDF format.
 */
public final class ProblemResponder {
    private static final String HTTP_NS = "http://www.w3.org/2011/http#";

    private ProblemResponder() {
    }

    public static void send(Request request, Response response, Callback callback, HttpProblem problem) {
        response.setStatus(problem.status());
        problem.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String type = negotiate(accept);
        byte[] body = RdfFormat.forContentType(type)
                .map(format -> rdfBody(problem, format))
                .orElseGet(() -> jsonBody(problem));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + (type.startsWith("application/n-triples") ? "" : "; charset=utf-8"));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    private static String negotiate(String accept) {
        try {
            return ContentNegotiation.choose(accept, MediaTypes.PROBLEM_JSON, "application/json", RdfFormat.TURTLE.mediaType(),
                    RdfFormat.JSON_LD.mediaType(), RdfFormat.N_TRIPLES.mediaType(), RdfFormat.RDF_XML.mediaType())
                    .orElse(MediaTypes.PROBLEM_JSON);
        } catch (HttpProblem malformedAccept) {
            return MediaTypes.PROBLEM_JSON;
        }
    }

    private static byte[] jsonBody(HttpProblem problem) {
        JsonObject json = new JsonObject();
        json.put("type", "about:blank");
        json.put("title", problem.title());
        json.put("status", problem.status());
        if (problem.detail() != null) {
            json.put("detail", problem.detail());
        }
        if (!problem.violations().isEmpty()) {
            JsonArray violations = new JsonArray();
            for (var violation : problem.violations()) {
                JsonObject item = new JsonObject();
                violation.forEach(item::put);
                violations.add(item);
            }
            json.put("violations", violations);
        }
        return JSON.toString(json).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rdfBody(HttpProblem problem, RdfFormat format) {
        if (problem.report() != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, problem.report(), format.lang());
            return out.toByteArray();
        }
        Graph graph = GraphFactory.createDefaultGraph();
        Node response = NodeFactory.createBlankNode();
        graph.add(response, RDF.type.asNode(), NodeFactory.createURI(HTTP_NS + "Response"));
        graph.add(response, NodeFactory.createURI(HTTP_NS + "statusCodeValue"),
                NodeFactory.createLiteralDT(Integer.toString(problem.status()), XSDDatatype.XSDinteger));
        graph.add(response, NodeFactory.createURI(HTTP_NS + "reasonPhrase"), NodeFactory.createLiteralString(problem.title()));
        if (problem.detail() != null) {
            graph.add(response, RDFS.comment.asNode(), NodeFactory.createLiteralString(problem.detail()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.getPrefixMapping().setNsPrefix("http", HTTP_NS).setNsPrefix("rdfs", RDFS.getURI());
        RDFDataMgr.write(out, graph, format.lang());
        return out.toByteArray();
    }
}
