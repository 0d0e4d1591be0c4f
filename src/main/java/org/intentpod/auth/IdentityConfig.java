package org.intentpod.auth;

import java.util.List;

/**
 * How the identity provider and token verification behave.
 *
 * @param argon2MemoryKiB Argon2id memory cost of password hashes
 * @param argon2Iterations Argon2id iterations
 * @param maxLoginFailures failed logins allowed per account and per address within a minute
 * @param rotateSigningKey make a new token signing key current at start (the previous one keeps verifying)
 * @param trustedIssuers other Solid-OIDC issuers whose tokens are accepted, exactly as their discovery spells them
 * @param bearerTokens whether plain Bearer tokens are issued (to clients that send no DPoP proof) and accepted
 * @param proofAthRequired whether a DPoP proof must carry {@code ath}; off admits clients that predate it
 */
public record IdentityConfig(int argon2MemoryKiB, int argon2Iterations, int maxLoginFailures, boolean rotateSigningKey,
        List<String> trustedIssuers, boolean bearerTokens, boolean proofAthRequired) {

    public IdentityConfig {
        trustedIssuers = List.copyOf(trustedIssuers);
    }

    public IdentityConfig withTrustedIssuers(List<String> issuers) {
        return new IdentityConfig(argon2MemoryKiB, argon2Iterations, maxLoginFailures, rotateSigningKey, issuers, bearerTokens, proofAthRequired);
    }

    public IdentityConfig withBearerTokens(boolean accepted) {
        return new IdentityConfig(argon2MemoryKiB, argon2Iterations, maxLoginFailures, rotateSigningKey, trustedIssuers, accepted, proofAthRequired);
    }

    public IdentityConfig withProofAthRequired(boolean required) {
        return new IdentityConfig(argon2MemoryKiB, argon2Iterations, maxLoginFailures, rotateSigningKey, trustedIssuers, bearerTokens, required);
    }
}
