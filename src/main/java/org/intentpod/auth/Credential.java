package org.intentpod.auth;

/** A client credential (client_credentials grant) of an account; the secret is kept only as a hash. */
public record Credential(String clientId, String username, String name, String secretHash, boolean revoked) {
}
