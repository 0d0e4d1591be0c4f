package org.intentpod.ldp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.intentpod.store.BlobStore;
import org.intentpod.store.PodStore;

/**
 * What every LDP method handler needs: the stores, the base URL every IRI is minted under, body limits.
 *
 * @param maxRdfBody largest RDF or patch body accepted, in bytes
 * @param maxBlobBody largest non-RDF body accepted, in bytes
 */
public record LdpContext(PodStore store, BlobStore blobs, String baseUrl, long maxRdfBody, long maxBlobBody, Clock clock) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public String iri(ResourcePath path) {
        return path.iri(baseUrl);
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
