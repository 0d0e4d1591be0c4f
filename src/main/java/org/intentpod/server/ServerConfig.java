package org.intentpod.server;

import java.nio.file.Path;
import java.util.List;

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
 * @param argon2MemoryKiB Argon2id memory cost of password hashes
 * @param argon2Iterations Argon2id iterations
 * @param maxLoginFailures failed logins allowed per account and per address within a minute
 * @param rotateSigningKey make a new token signing key current at start (the previous one keeps verifying)
 */
public record ServerConfig(String host, int port, String baseUrl, Path dataDir, List<String> pods, boolean demo,
        long maxRdfBody, long maxBlobBody, int argon2MemoryKiB, int argon2Iterations, int maxLoginFailures, boolean rotateSigningKey) {

    public ServerConfig {
        pods = List.copyOf(pods);
    }

    /** The base URL for the port actually bound (it differs from {@link #port()} only when that is 0). */
    public String baseUrlFor(int boundPort) {
        return baseUrl != null ? baseUrl : "http://localhost:" + boundPort + "/";
    }
}
