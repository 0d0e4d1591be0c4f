package org.intentpod.vocab;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.Bodies;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;
import org.intentpod.shapes.ShapeLibrary;

/**
 * {@code /ns/vrm}: the vocabulary, dereferenceable (Turtle, JSON-LD, N-Triples, RDF/XML, or an HTML page),
 * and {@code /ns/vrm.jsonld}: its JSON-LD context.
 */
public final class VocabularyHandler {
    private final ShapeLibrary library;
    private final String html;

    public VocabularyHandler(ShapeLibrary library) {
        this.library = library;
        this.html = new VocabularyPage(StaticRdf.parse(library.vocabularyTurtle(), ShapeLibrary.VOCABULARY_IRI)).render();
    }

    public void handle(Request request, ResourcePath path, Response response) throws Exception {
        String name = path.segments().size() == 2 && !path.container() ? path.segments().get(1) : "";
        if (!name.equals("vrm") && !name.equals("vrm.jsonld")) {
            throw HttpProblem.notFound("No vocabulary at " + path + "; see /ns/vrm");
        }
        if (!StaticRdf.readOnly(request, response)) {
            return;
        }
        if (name.equals("vrm")) {
            StaticRdf.serve(request, response, library.vocabularyTurtle(), ShapeLibrary.VOCABULARY_IRI, html);
            return;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
        Bodies.send(request, response, "application/ld+json", library.context());
    }
}
