package org.intentpod.ldp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.intentpod.http.RdfFormat;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.StoreWriter;

/**
 * Creates pods with the standard layout of DESIGN.md: the WebID profile, the LDN inbox, and the
 * containers for intentions, grants, imported data and the access log. The one place pods are made.
 */
public final class PodProvisioner {
    /** The standard containers of every person's pod. */
    public static final List<String> STANDARD_CONTAINERS = List.of("profile", "intentions", "inbox", "grants", "data", "log");
    private final LdpContext context;
    private final Containment containment;

    public PodProvisioner(LdpContext context) {
        this.context = context;
        this.containment = new Containment(context);
    }

    /** Creates the pod unless it exists, in one transaction; returns true when it was created. */
    public boolean provision(String pod, String displayName) {
        ResourcePath root = new ResourcePath(List.of(pod), true);
        String rootIri = context.iri(root);
        ResourcePath card = root.child("profile", true).child("card", false);
        Graph profile = profile(context.iri(card), rootIri, displayName);
        return context.store().write(writer -> {
            if (writer.meta(rootIri).isPresent()) {
                return false;
            }
            Instant now = context.now();
            writer.putMeta(ResourceMeta.rdf(rootIri, ResourceKind.CONTAINER, LdpContext.newVersion(), now, null));
            for (String name : STANDARD_CONTAINERS) {
                containment.put(writer, root.child(name, true), null, ResourceKind.CONTAINER, null, 0, null, now);
            }
            write(writer, card, profile, now);
            return true;
        });
    }

    /**
     * Adds a resource to an existing pod as a client's PUT would store it: RDF is parsed and must pass the
     * shapes and its container's rule; anything else is kept as bytes. Used to load the demo data.
     */
    public void seed(String pod, String pathInPod, String contentType, byte[] bytes) throws IOException {
        ResourcePath path = ResourcePath.parse("/" + pod + "/" + pathInPod);
        String iri = context.iri(path);
        var format = RdfFormat.forContentType(contentType);
        IncomingBody body;
        if (format.isPresent()) {
            Graph graph = context.rdfInput().parse(new ByteArrayInputStream(bytes), format.get(), iri);
            context.validate(graph, path, "en");
            body = new IncomingBody.Rdf(graph);
        } else {
            body = new IncomingBody.Bytes(context.blobs().write(new ByteArrayInputStream(bytes)), contentType);
        }
        context.store().write(writer -> {
            containment.requirePod(writer, path);
            containment.checkCreatable(writer, path);
            writer.replaceTriples(iri, body.graph());
            containment.put(writer, path, writer.meta(iri).orElse(null), body, context.now());
            return null;
        });
    }

    private void write(StoreWriter writer, ResourcePath path, Graph graph, Instant now) {
        writer.replaceTriples(context.iri(path), graph);
        containment.put(writer, path, null, ResourceKind.RDF_SOURCE, null, 0, null, now);
    }

    private static Graph profile(String cardIri, String podIri, String displayName) {
        String turtle = """
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix schema: <https://schema.org/> .
                @prefix pim: <http://www.w3.org/ns/pim/space#> .
                @prefix ldp: <http://www.w3.org/ns/ldp#> .
                <> a foaf:PersonalProfileDocument ; foaf:maker <#me> ; foaf:primaryTopic <#me> .
                <#me> a foaf:Person, schema:Person ;
                    pim:storage <%s> ;
                    ldp:inbox <%sinbox/> .
                """.formatted(podIri, podIri);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base(cardIri).parse(graph);
        graph.add(NodeFactory.createURI(cardIri + "#me"), FOAF.name.asNode(), NodeFactory.createLiteralString(displayName));
        return graph;
    }
}
