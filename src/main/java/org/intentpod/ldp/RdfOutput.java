package org.intentpod.ldp;

import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.intentpod.http.RdfFormat;
import org.intentpod.shapes.ShapeLibrary;

/**
 * Writes triples in the negotiated format. Turtle and N-Triples stream, so a container with a hundred
 * thousand members starts at once and never sits in memory; JSON-LD and RDF/XML need the whole graph by
 * their nature. Jena's grouped Turtle holds back each subject's block until the subject changes, and all
 * of a container's {@code ldp:contains} triples share one subject, so listings use flat Turtle.
 */
public final class RdfOutput {
    private static final Map<String, String> PREFIXES = prefixes();

    private RdfOutput() {
    }

    public static void write(OutputStream out, RdfFormat format, Iterator<Triple> triples) {
        write(out, format, triples, false);
    }

    /** As {@link #write(OutputStream, RdfFormat, Iterator)}; a listing may be long and must not be buffered. */
    public static void write(OutputStream out, RdfFormat format, Iterator<Triple> triples, boolean listing) {
        switch (format) {
            case TURTLE -> stream(out, listing ? RDFFormat.TURTLE_FLAT : RDFFormat.TURTLE_BLOCKS, triples, true);
            case N_TRIPLES -> stream(out, RDFFormat.NTRIPLES, triples, false);
            case JSON_LD -> whole(out, RDFFormat.JSONLD11, triples);
            case RDF_XML -> whole(out, RDFFormat.RDFXML_PLAIN, triples);
        }
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("rdf", RDF.getURI());
        prefixes.put("rdfs", RDFS.getURI());
        prefixes.put("xsd", XSD.getURI());
        prefixes.put("dcterms", DCTerms.getURI());
        prefixes.put("ldp", Terms.LDP);
        prefixes.put("pim", Terms.PIM);
        prefixes.put("solid", Terms.SOLID);
        prefixes.put("foaf", "http://xmlns.com/foaf/0.1/");
        prefixes.put("schema", "https://schema.org/");
        prefixes.put("vrm", ShapeLibrary.VRM);
        return Collections.unmodifiableMap(prefixes);
    }

    private static void stream(OutputStream out, RDFFormat format, Iterator<Triple> triples, boolean prefixes) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, format, null);
        writer.start();
        if (prefixes) {
            PREFIXES.forEach(writer::prefix);
        }
        triples.forEachRemaining(writer::triple);
        writer.finish();
    }

    private static void whole(OutputStream out, RDFFormat format, Iterator<Triple> triples) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(PREFIXES);
        triples.forEachRemaining(graph::add);
        RDFDataMgr.write(out, graph, format);
    }
}
