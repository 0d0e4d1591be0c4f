package org.intentpod.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.intentpod.access.Agent;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.RemoteFetcher;
import org.intentpod.ldp.RdfInput;
import org.intentpod.store.PodStore;

/**
 * Authenticates a request from its {@code Authorization} header: a DPoP-bound token with its {@code DPoP}
 * proof, or, only when configured, a plain Bearer token. The token is verified by {@link TokenVerifier},
 * its WebID must list the token's issuer ({@link WebIdIssuers}), the proof is verified by
 * {@link ProofVerifier}, and a token of this server stops working the moment its credential or app authorization is revoked.
 * Verified tokens are cached until they expire, so a request pays for one signature check, the proof's.
 * Any failure is a 401 whose challenge says why; a request without a token is anonymous, not refused here.
 */
public final class RequestAuthenticator {
    private static final int CACHE_LIMIT = 10_000;
    private final TokenVerifier tokens;
    private final WebIdIssuers webIds;
    private final ProofVerifier proofs;
    private final Predicate<String> liveGrant;
    private final boolean bearerAccepted;
    private final Clock clock;
    private final Map<String, TokenVerifier.VerifiedToken> verified = new ConcurrentHashMap<>();

    /**
     * @param liveGrant whether the credential or app authorization a token of this server names still stands
     */
    RequestAuthenticator(SigningKeys keys, String issuer, IdentityConfig settings, Predicate<String> liveGrant, PodStore store,
            RemoteFetcher fetcher, RdfInput rdf, Clock clock) {
        this.tokens = new TokenVerifier(issuer, keys.publicKeys(), settings.trustedIssuers(), fetcher);
        this.webIds = new WebIdIssuers(store, issuer, fetcher, rdf, clock);
        this.proofs = new ProofVerifier(settings.proofAthRequired(), clock);
        this.liveGrant = liveGrant;
        this.bearerAccepted = settings.bearerTokens();
        this.clock = clock;
    }

    /**
     * @param method the request method
     * @param url the request URL as the configured base URL spells it, without query
     */
    public Agent authenticate(String method, URI url, String authorization, String proofHeader) {
        if (authorization == null) {
            return Agent.ANONYMOUS;
        }
        boolean dpop = authorization.regionMatches(true, 0, "DPoP ", 0, 5);
        boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!dpop && !(bearer && bearerAccepted)) {
            throw unauthorized("DPoP", "invalid_token", bearer ? "Bearer tokens are not accepted here: present a DPoP-bound token with a DPoP proof"
                    : "Present a token as Authorization: DPoP <token> with a DPoP proof");
        }
        String scheme = dpop ? "DPoP" : "Bearer";
        String token = authorization.substring(scheme.length() + 1).trim();
        TokenVerifier.VerifiedToken identity;
        try {
            identity = verifiedToken(token);
        } catch (TokenVerifier.InvalidTokenException e) {
            throw unauthorized(scheme, "invalid_token", e.getMessage());
        }
        if (bearer && identity.binding() != null) {
            throw unauthorized(scheme, "invalid_token", "This token is DPoP-bound: present it as Authorization: DPoP with a DPoP proof");
        }
        if (dpop) {
            if (identity.binding() == null) {
                throw unauthorized(scheme, "invalid_token", "This token is not bound to a DPoP key (cnf.jkt)");
            }
            if (proofHeader == null) {
                throw unauthorized(scheme, "invalid_dpop_proof", "A DPoP proof is required with a DPoP-bound token");
            }
            try {
                proofs.verify(method, url, identity.clientId(), proofHeader, token, identity.binding());
            } catch (ProofVerifier.InvalidProofException e) {
                throw unauthorized(scheme, "invalid_dpop_proof", e.getMessage());
            }
        }
        if (identity.issuer().equals(tokens.ownIssuer()) && !liveGrant.test(identity.grantId())) {
            throw unauthorized(scheme, "invalid_token", "The credential or app authorization this token was issued for has been revoked");
        }
        return new Agent(identity.webId(), identity.clientId());
    }

    private TokenVerifier.VerifiedToken verifiedToken(String token) throws TokenVerifier.InvalidTokenException {
        long now = clock.millis();
        TokenVerifier.VerifiedToken cached = verified.get(token);
        if (cached != null && now < cached.expiresMillis() + TokenVerifier.CLOCK_SKEW_SECONDS * 1000L) {
            return cached;
        }
        TokenVerifier.VerifiedToken fresh = tokens.verify(token);
        webIds.check(fresh.webId(), fresh.issuer());
        if (verified.size() >= CACHE_LIMIT) {
            verified.values().removeIf(v -> v.expiresMillis() < now);
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
        }
        verified.put(token, fresh);
        return fresh;
    }

    private static HttpProblem unauthorized(String scheme, String error, String description) {
        String algs = scheme.equals("DPoP") ? ", algs=\"ES256 RS256\"" : "";
        String challenge = scheme + " error=\"" + error + "\", error_description=\"" + description.replace("\"", "'") + "\"" + algs;
        return new HttpProblem(401, "Unauthorized", description, Map.of("WWW-Authenticate", challenge));
    }
}
