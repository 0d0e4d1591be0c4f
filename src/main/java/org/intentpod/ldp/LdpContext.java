package org.intentpod.ldp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.jena.graph.Graph;
import org.eclipse.jetty.http.HttpHeader;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.BlobStore;
import org.intentpod.access.Operation;
import org.intentpod.access.WebAccessControl;
import org.intentpod.store.PodStore;
import org.intentpod.shapes.Languages;
import org.intentpod.shapes.ShapeLibrary;
import org.intentpod.shapes.ShapeValidator;

/**
 * What every LDP method handler needs: the stores, the base URL every IRI is minted under, body limits,
 * the parser and the shapes every write is checked against.
 *
 * @param maxRdfBody largest RDF or patch body accepted, in bytes
 * @param maxBlobBody largest non-RDF body accepted, in bytes
 */
public record LdpContext(PodStore store, BlobStore blobs, String baseUrl, long maxRdfBody, long maxBlobBody, Clock clock,
        RdfInput rdfInput, ShapeLibrary shapes, ShapeValidator validator, WebAccessControl access) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public String iri(ResourcePath path) {
        return path.iri(baseUrl);
    }

    /** Refuses, with 422, a graph that would be stored at a path but breaks a shape or its container's rule. */
    public void validate(Graph graph, ResourcePath target, String acceptLanguage) {
        validator.check(graph, iri(target), StandardContainers.requiredTypes(target), Languages.choose(acceptLanguage));
    }

    /** Asks the decision point; returns what the agent and anyone may do there when allowed, throws 401/403 when not. */
    public WebAccessControl.Decision authorize(LdpRequest request, Operation operation) {
        return access.authorize(request.agent(), request.header(HttpHeader.ORIGIN), operation);
    }

    public Instant now() {
        return clock.instant();
    }

    /** A fresh opaque version: hex only, so entity tags can append a format suffix after a dash. */
    public static String newVersion() {
        byte[] raw = new byte[8];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
