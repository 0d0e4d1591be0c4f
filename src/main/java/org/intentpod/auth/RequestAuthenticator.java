package org.intentpod.auth;

import org.intentpod.access.Agent;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InMemoryDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.intentpod.http.HttpProblem;

/**
 * Authenticates a request from its {@code Authorization: DPoP <token>} and {@code DPoP} proof, with nimbus
 * doing every check: the token's ES256 signature against this issuer's keys, its type, issuer, audience,
 * expiry and required claims (processor), then the proof's signature, {@code htm}, {@code htu} (built from
 * the configured base URL, never the Host header), {@code iat} window, single-use {@code jti}, {@code ath}
 * and its key's thumbprint against the token's {@code cnf.jkt} (resource request verifier). Verified tokens
 * are cached until they expire, so a request pays for one signature check, the proof's. Revocation is
 * looked up on every use. Any failure is a 401 that says why; no request without a token is refused here.
 */
public final class RequestAuthenticator {
    private static final Set<JWSAlgorithm> PROOF_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    private static final long PROOF_MAX_AGE_SECONDS = 60;
    private static final long CLOCK_SKEW_SECONDS = 30;
    private static final int CACHE_LIMIT = 10_000;
    private final DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();
    private final DPoPProtectedResourceRequestVerifier proofs;

    private final Predicate<String> liveClient;
    private final Predicate<String> webIdTrustsThisIssuer;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String webId, String clientId, JWKThumbprintConfirmation binding, long expiresMillis) {
    }

    /**
     * @param liveClient whether a client id still has an unrevoked credential
     * @param webIdTrustsThisIssuer whether a WebID's profile lists this server as its solid:oidcIssuer
     */
    public RequestAuthenticator(SigningKeys keys, String issuer, Predicate<String> liveClient, Predicate<String> webIdTrustsThisIssuer,
            Clock clock) {
        this.liveClient = liveClient;
        this.webIdTrustsThisIssuer = webIdTrustsThisIssuer;
        this.clock = clock;
        // Access tokens (at+jwt) and Solid-OIDC ID tokens (JWT) are both presented by real clients.
        tokens.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), JOSEObjectType.JWT));
        tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys.publicKeys())));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>("solid",
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("webid", "azp", "exp", "iat", "jti", "cnf"));
        claims.setMaxClockSkew((int) CLOCK_SKEW_SECONDS);
        tokens.setJWTClaimsSetVerifier(claims);
        this.proofs = new DPoPProtectedResourceRequestVerifier(PROOF_ALGORITHMS, CLOCK_SKEW_SECONDS, PROOF_MAX_AGE_SECONDS,
                new InMemoryDPoPSingleUseChecker(PROOF_MAX_AGE_SECONDS * 2, PROOF_MAX_AGE_SECONDS));
    }

    /**
     * @param method the request method
     * @param url the request URL as the configured base URL spells it, without query
     */
    public Agent authenticate(String method, URI url, String authorization, String proofHeader) {
        if (authorization == null) {
            return Agent.ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
            throw unauthorized("invalid_token", "Only DPoP-bound tokens are accepted (Authorization: DPoP <token> with a DPoP proof)");
        }
        String token = authorization.substring(5).trim();
        Verified identity = verifiedToken(token);
        if (proofHeader == null) {
            throw unauthorized("invalid_dpop_proof", "A DPoP proof is required with a DPoP-bound token");
        }
        try {
            proofs.verify(method, url, new DPoPIssuer(identity.clientId()), SignedJWT.parse(proofHeader), new DPoPAccessToken(token),
                    identity.binding(), (Nonce) null);
        } catch (Exception invalid) {
            throw unauthorized("invalid_dpop_proof", "Invalid DPoP proof: " + reason(invalid));
        }
        if (!liveClient.test(identity.clientId())) {
            throw unauthorized("invalid_token", "The credential this token was issued to has been revoked");
        }
        return new Agent(identity.webId(), identity.clientId());
    }

    private Verified verifiedToken(String token) {
        long now = clock.millis();
        Verified cached = verified.get(token);
        if (cached != null && now < cached.expiresMillis() + CLOCK_SKEW_SECONDS * 1000) {
            return cached;
        }
        Verified fresh;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (jwt.getHeader().getJWKURL() != null || jwt.getHeader().getX509CertURL() != null) {
                throw unauthorized("invalid_token", "Tokens naming a key by URL (jku, x5u) are refused");
            }
            JWTClaimsSet claims = tokens.process(jwt, null);
            Object jkt = claims.getJSONObjectClaim("cnf").get("jkt");
            if (!(jkt instanceof String thumbprint)) {
                throw unauthorized("invalid_token", "The token is not bound to a DPoP key (cnf.jkt)");
            }
            String webId = claims.getStringClaim("webid");
            if (!webIdTrustsThisIssuer.test(webId)) {
                throw unauthorized("invalid_token", "The WebID " + webId + " does not list this server as its solid:oidcIssuer");
            }
            fresh = new Verified(webId, claims.getStringClaim("azp"), new JWKThumbprintConfirmation(new Base64URL(thumbprint)),
                    claims.getExpirationTime().getTime());
        } catch (HttpProblem problem) {
            throw problem;
        } catch (Exception invalid) {
            throw unauthorized("invalid_token", "Invalid access token: " + reason(invalid));
        }
        if (verified.size() >= CACHE_LIMIT) {
            verified.values().removeIf(v -> v.expiresMillis() < now);
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
        }
        verified.put(token, fresh);
        return fresh;
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static HttpProblem unauthorized(String error, String description) {
        String challenge = "DPoP error=\"" + error + "\", error_description=\"" + description.replace("\"", "'") + "\", algs=\"ES256 RS256\"";
        return new HttpProblem(401, "Unauthorized", description, Map.of("WWW-Authenticate", challenge));
    }
}
