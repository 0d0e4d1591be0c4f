package org.intentpod.server;

import java.nio.file.Path;
import java.util.List;
import org.intentpod.auth.IdentityConfig;

/**
 * How one server runs, decided once at start from flags, then environment, then defaults.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param baseUrl the public base URL every IRI is minted under, ending with '/'; null derives it from the port
 * @param dataDir where TDB2, blobs and keys live
 * @param pods pods to provision at start when missing
 * @param demo whether to load the demo pod into an empty store
 * @param maxRdfBody largest RDF or patch body, bytes
 * @param maxBlobBody largest non-RDF body, bytes
 * @param identity accounts, tokens and which issuers are trusted
 */
public record ServerConfig(String host, int port, String baseUrl, Path dataDir, List<String> pods, boolean demo,
        long maxRdfBody, long maxBlobBody, IdentityConfig identity) {

    public ServerConfig {
        pods = List.copyOf(pods);
    }

    /** The base URL for the port actually bound (it differs from {@link #port()} only when that is 0). */
    public String baseUrlFor(int boundPort) {
        return baseUrl != null ? baseUrl : "http://localhost:" + boundPort + "/";
    }
}
