package org.intentpod.ui;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.ContentNegotiation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.RdfFormat;
import org.intentpod.ldp.RdfOutput;

/** The server root: a home page for people, a small RDF description of the server for machines. */
public final class HomePage {
    private static final String SCHEMA = "https://schema.org/";
    private final String baseUrl;

    public HomePage(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void handle(Request request, Response response) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method) && !HttpMethod.OPTIONS.is(method)) {
            throw HttpProblem.methodNotAllowed(method, "OPTIONS, HEAD, GET");
        }
        response.getHeaders().put(HttpHeader.ALLOW, "OPTIONS, HEAD, GET");
        response.getHeaders().add(HttpHeader.VARY, "Accept");
        if (HttpMethod.OPTIONS.is(method)) {
            response.setStatus(204);
            return;
        }
        String[] offers = {MediaTypes.HTML, RdfFormat.TURTLE.mediaType(), RdfFormat.JSON_LD.mediaType(),
            RdfFormat.N_TRIPLES.mediaType(), RdfFormat.RDF_XML.mediaType()};
        String type = ContentNegotiation.choose(request.getHeaders().get(HttpHeader.ACCEPT), offers)
                .orElseThrow(() -> new HttpProblem(406, "Not Acceptable", "The home page is available as " + String.join(", ", offers)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        if (HttpMethod.HEAD.is(method)) {
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            var format = RdfFormat.forContentType(type);
            if (format.isPresent()) {
                RdfOutput.write(out, format.get(), description().iterator());
            } else {
                out.write(html().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private List<Triple> description() {
        var server = NodeFactory.createURI(baseUrl);
        return List.of(
                Triple.create(server, RDF.type.asNode(), NodeFactory.createURI(SCHEMA + "WebApplication")),
                Triple.create(server, NodeFactory.createURI(SCHEMA + "name"), NodeFactory.createLiteralString("IntentPod")),
                Triple.create(server, NodeFactory.createURI(SCHEMA + "description"), NodeFactory.createLiteralString(
                        "A Solid pod server for the intention economy: people keep their data and tell the market what they want.")));
    }

    private String html() {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>IntentPod</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body>
                <h1>IntentPod</h1>
                <p>A personal data pod for the intention economy: you keep your data, and you tell the market what you want.</p>
                <p>Pods live at <code>%s{pod}/</code>. The demo pod, when loaded, is at <a href="%sdemo/">%sdemo/</a>.</p>
                <p><a href="/idp/register">Create your pod</a> · <a href="/idp/login">Log in</a> · <a href="/idp/apps">Apps you allowed</a></p>
                </body>
                </html>
                """.formatted(baseUrl, baseUrl, baseUrl);
    }
}
