package org.intentpod.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets. A secret is 256 random bits, so a SHA-256 digest keeps it safe at rest (a slow
 * password hash protects guessable secrets, which these are not) and token requests stay cheap.
 */
final class ClientSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    static String newClientId() {
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        return "client-" + HexFormat.of().formatHex(raw);
    }

    static String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Constant-time comparison of a presented secret with a stored digest. */
    static boolean matches(String secret, String storedDigest) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedDigest));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
