package org.intentpod.http;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/** The triple formats the pod reads and writes, with the short tag used in per-representation ETags. */
public enum RdfFormat {
    TURTLE(Lang.TURTLE, "ttl"),
    JSON_LD(Lang.JSONLD, "jsonld"),
    N_TRIPLES(Lang.NTRIPLES, "nt"),
    RDF_XML(Lang.RDFXML, "rdf");

    private final Lang lang;
    private final String tag;

    RdfFormat(Lang lang, String tag) {
        this.lang = lang;
        this.tag = tag;
    }

    public Lang lang() {
        return lang;
    }

    public String mediaType() {
        return lang.getHeaderString();
    }

    public String tag() {
        return tag;
    }

    /** The triple format for a Content-Type (parameters ignored), if it is one we accept. */
    public static Optional<RdfFormat> forContentType(String contentType) {
        Lang lang = RDFLanguages.contentTypeToLang(MediaTypes.essence(contentType));
        return Arrays.stream(values()).filter(f -> f.lang.equals(lang)).findFirst();
    }

    /** True for RDF formats that carry quads: a single resource is one graph, so they are refused. */
    public static boolean isQuadFormat(String contentType) {
        Lang lang = RDFLanguages.contentTypeToLang(MediaTypes.essence(contentType));
        return lang != null && RDFLanguages.isQuads(lang) && !RDFLanguages.isTriples(lang);
    }

    public static String mediaTypeList() {
        return String.join(", ", Arrays.stream(values()).map(RdfFormat::mediaType).toList());
    }
}
