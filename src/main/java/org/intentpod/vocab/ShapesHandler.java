package org.intentpod.vocab;

import java.nio.charset.StandardCharsets;
import org.intentpod.http.Html;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;
import org.intentpod.shapes.ShapeLibrary;

/**
 * {@code /shapes/}: an index of the shape files (a jar's folders cannot be listed, so it comes from
 * {@code shapes/index.txt}) and each file, in any RDF format.
 */
public final class ShapesHandler {
    private static final String LDP = "http://www.w3.org/ns/ldp#";
    private final ShapeLibrary library;
    private final byte[] index;
    private final String indexHtml;

    public ShapesHandler(ShapeLibrary library) {
        this.library = library;
        StringBuilder turtle = new StringBuilder("@prefix ldp: <" + LDP + "> .\n<> a ldp:BasicContainer , ldp:Container ;\n");
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IntentPod shapes</title>"
                + "</head><body><h1>SHACL shapes</h1><p>What valid data is, for each vrm type.</p><ul>\n");
        for (String name : library.fileNames()) {
            turtle.append("    ldp:contains <").append(name).append("> ;\n");
            html.append("<li><a href=\"").append(Html.escape(name)).append("\">").append(Html.escape(name)).append("</a></li>\n");
        }
        this.index = turtle.append("    a ldp:Resource .\n").toString().getBytes(StandardCharsets.UTF_8);
        this.indexHtml = html.append("</ul></body></html>\n").toString();
    }

    public void handle(org.eclipse.jetty.server.Request request, ResourcePath path, org.eclipse.jetty.server.Response response) throws Exception {
        if (path.segments().size() == 1 && path.container()) {
            if (StaticRdf.readOnly(request, response)) {
                StaticRdf.serve(request, response, index, library.shapesBase(), indexHtml);
            }
            return;
        }
        byte[] file = path.segments().size() == 2 && !path.container() ? library.file(path.segments().get(1)).orElse(null) : null;
        if (file == null) {
            throw HttpProblem.notFound("No shape file at " + path + "; the index is at /shapes/");
        }
        if (StaticRdf.readOnly(request, response)) {
            StaticRdf.serve(request, response, file, library.shapesBase() + path.segments().get(1), null);
        }
    }
}
