package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.intentpod.store.PodStore;

/**
 * Refresh tokens ({@code offline_access}), rotated on every use. A token is {@code family.secret}; the
 * family record keeps only the digest of its current secret. Presenting a secret of the family that is no
 * longer current means a token was copied and used twice, so the whole family is revoked (OAuth 2.0
 * Security BCP, 4.14). A family is bound to the DPoP key it was issued to, when there was one.
 */
final class RefreshTokens {
    static final Duration LIFETIME = Duration.ofDays(30);
    private final PodStore store;
    private final Clock clock;

    /** What a refresh token stands for. {@code keyThumbprint} is null for a family not bound to a DPoP key. */
    record Family(String authorizationId, String username, String clientId, Scope scope, String keyThumbprint) {
    }

    record Rotated(String token, Family family) {
    }

    /** A refresh token that cannot be used; the message says why. */
    static final class InvalidRefreshTokenException extends Exception {
        InvalidRefreshTokenException(String message) {
            super(message);
        }
    }

    RefreshTokens(PodStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static String graph(String family) {
        return "urn:intentpod:refresh:" + family;
    }

    String issue(Family family) {
        String id = ClientSecrets.newSecret();
        String secret = ClientSecrets.newSecret();
        store.write(writer -> {
            Records.write(writer, graph(id), values(family, secret));
            return null;
        });
        return id + "." + secret;
    }

    /** Spends a refresh token and answers its successor, or says why it cannot be used. */
    Rotated rotate(String token, String clientId, String keyThumbprint) throws InvalidRefreshTokenException {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new InvalidRefreshTokenException("Malformed refresh token");
        }
        String id = token.substring(0, dot);
        String secret = token.substring(dot + 1);
        String next = ClientSecrets.newSecret();
        // Refusals are answers, not exceptions, so that the revocation of a reused family commits.
        Outcome outcome = store.write(writer -> {
            Map<String, String> values = Records.read(writer, graph(id));
            if (!values.containsKey("current")) {
                return Outcome.refused("Unknown or revoked refresh token");
            }
            if (!ClientSecrets.matches(secret, values.get("current"))) {
                writer.remove(graph(id));
                return Outcome.refused("This refresh token was already used, so every refresh token issued with it is now revoked");
            }
            if (Long.parseLong(values.get("expires")) <= clock.millis()) {
                writer.remove(graph(id));
                return Outcome.refused("The refresh token has expired");
            }
            Family family = new Family(values.get("authorization"), values.get("account"), values.get("client"), Scope.parse(values.get("scope")),
                    values.get("jkt"));
            if (!family.clientId().equals(clientId)) {
                return Outcome.refused("The refresh token was issued to another client");
            }
            if (family.keyThumbprint() != null && !Objects.equals(family.keyThumbprint(), keyThumbprint)) {
                return Outcome.refused("The refresh token is bound to another DPoP key");
            }
            Records.write(writer, graph(id), values(family, next));
            return new Outcome(family, null);
        });
        if (outcome.refusal() != null) {
            throw new InvalidRefreshTokenException(outcome.refusal());
        }
        return new Rotated(id + "." + next, outcome.family());
    }

    /** A rotation's result inside its transaction: the family, or why the token was refused. */
    private record Outcome(Family family, String refusal) {
        static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    private Map<String, String> values(Family family, String secret) {
        Map<String, String> values = new HashMap<>();
        values.put("authorization", family.authorizationId());
        values.put("account", family.username());
        values.put("client", family.clientId());
        values.put("scope", family.scope().toString());
        values.put("jkt", family.keyThumbprint());
        values.put("current", ClientSecrets.digest(secret));
        values.put("expires", Long.toString(clock.millis() + LIFETIME.toMillis()));
        return values;
    }
}
