package org.intentpod.auth;

import java.util.List;

/**
 * A confidential client of an account: for the client_credentials grant, and, when it names redirect URIs,
 * a vendor's static client for the authorization code flow. The secret is kept only as a hash.
 */
public record Credential(String clientId, String username, String name, String secretHash, boolean revoked, List<String> redirectUris) {
    public Credential {
        redirectUris = List.copyOf(redirectUris);
    }

    Credential revoke() {
        return new Credential(clientId, username, name, secretHash, true, redirectUris);
    }
}
