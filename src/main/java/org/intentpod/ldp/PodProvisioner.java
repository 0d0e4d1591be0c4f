package org.intentpod.ldp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.http.RdfFormat;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.StoreWriter;

/**
 * Creates pods with the standard layout of DESIGN.md: the WebID profile (with its issuer, type indexes and
 * preferences), the LDN inbox, the containers for intentions, grants, imported data and the access log,
 * and default ACL documents (owner full control; profile public; inbox appendable by authenticated agents).
 * A vendor's pod holds only its profile, its inbox and its settings. The one place pods are made.
 */
public final class PodProvisioner {
    /** The standard containers of a person's pod. */
    public static final List<String> PERSON_CONTAINERS = List.of("profile", "settings", "intentions", "inbox", "grants", "data", "log");
    /** A vendor's pod: owners' answers to its offers arrive in its inbox. */
    public static final List<String> VENDOR_CONTAINERS = List.of("profile", "settings", "inbox");
    private final LdpContext context;
    private final Containment containment;

    public PodProvisioner(LdpContext context) {
        this.context = context;
        this.containment = new Containment(context);
    }

    /** Creates a person's pod unless it exists, in one transaction; returns true when it was created. */
    public boolean provision(String pod, String displayName) {
        return provision(pod, displayName, false, false);
    }

    /**
     * Creates a person's or a vendor's pod unless it exists, in one transaction; true when it was created.
     *
     * @param publicRead whether anyone may read the whole pod (the demo pod), not only the profile
     */
    public boolean provision(String pod, String displayName, boolean vendor, boolean publicRead) {
        ResourcePath root = ResourcePath.podRoot(pod);
        String rootIri = context.iri(root);
        String webId = webId(pod);
        List<Document> documents = PodTemplates.documents(context.baseUrl(), pod, displayName, webId, vendor, publicRead);
        return context.store().write(writer -> {
            if (writer.meta(rootIri).isPresent()) {
                return false;
            }
            Instant now = context.now();
            writer.putMeta(ResourceMeta.rdf(rootIri, ResourceKind.CONTAINER, LdpContext.newVersion(), now, null));
            for (String name : vendor ? VENDOR_CONTAINERS : PERSON_CONTAINERS) {
                containment.put(writer, root.child(name, true), null, ResourceKind.CONTAINER, null, 0, null, now);
            }
            for (Document document : documents) {
                ResourcePath path = ResourcePath.parse("/" + pod + "/" + document.pathInPod());
                write(writer, path, parse(document.turtle(), context.iri(path)), now);
            }
            return true;
        });
    }

    /** The WebID of the owner of a pod on this server. */
    public String webId(String pod) {
        return ResourcePath.ownerWebId(context.baseUrl(), pod);
    }

    /** A document of a new pod, as Turtle relative to its own IRI. */
    record Document(String pathInPod, String turtle) {
    }

    private static Graph parse(String turtle, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base(base).parse(graph);
        return graph;
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
}
