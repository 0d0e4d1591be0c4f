package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes: single-use (redeeming removes the code, so of two racing redemptions one wins) and
 * short-lived. They live in memory only: a code outlives its minute nowhere, and a restart merely makes
 * the app ask again.
 */
final class AuthorizationCodes {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final int LIMIT = 100_000;
    private final Clock clock;
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();

    /** What a code stands for: who approved which client, for which redirect URI, PKCE challenge, scope and nonce. */
    record Grant(String username, String webId, String clientId, URI redirectUri, CodeChallenge challenge, Scope scope, String nonce,
            String authorizationId) {
    }

    private record Issued(Grant grant, long expiresMillis) {
    }

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(Grant grant) {
        long now = clock.millis();
        if (codes.size() >= LIMIT) {
            codes.values().removeIf(issued -> issued.expiresMillis() <= now);
        }
        String code = ClientSecrets.newSecret();
        codes.put(ClientSecrets.digest(code), new Issued(grant, now + LIFETIME.toMillis()));
        return code;
    }

    /** The grant of a code not yet used nor expired; the code is spent either way. */
    Optional<Grant> redeem(String code) {
        Issued issued = code == null ? null : codes.remove(ClientSecrets.digest(code));
        if (issued == null || issued.expiresMillis() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(issued.grant());
    }
}
