package org.intentpod.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints the tokens of Solid-OIDC, signed with the current key and both bound to the client's DPoP key (or
 * to none, for a Bearer token where those are allowed): the access token, and the ID token, which
 * Solid-OIDC lets clients present too (Inrupt's clients do), so its audience includes "solid".
 */
final class TokenIssuer {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Names the credential or app authorization a token derives from, so that revoking it stops the token. */
    static final String GRANT_CLAIM = "grant_id";
    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    record Tokens(String accessToken, String idToken, long expiresIn) {
    }

    /**
     * @param grantId the credential or app authorization the tokens derive from; revoking it stops them
     * @param binding the client's DPoP key, or null for a Bearer token
     * @param nonce the authorization request's nonce, for the ID token; null when there was none
     */
    Tokens issue(String webId, String clientId, String grantId, JWKThumbprintConfirmation binding, String nonce) {
        Instant now = clock.instant();
        Date issued = Date.from(now);
        Date expires = Date.from(now.plus(LIFETIME));
        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(webId).audience(List.of("solid", clientId))
                .issueTime(issued).expirationTime(expires).jwtID(UUID.randomUUID().toString())
                .claim("webid", webId).claim("client_id", clientId).claim("azp", clientId).claim(GRANT_CLAIM, grantId);
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(webId).audience(List.of(clientId, "solid")).issueTime(issued).expirationTime(expires)
                .jwtID(UUID.randomUUID().toString()).claim("webid", webId).claim("azp", clientId).claim(GRANT_CLAIM, grantId);
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        if (binding != null) {
            access.claim(binding.toJWTClaim().getKey(), binding.toJWTClaim().getValue());
            id.claim(binding.toJWTClaim().getKey(), binding.toJWTClaim().getValue());
        }
        return new Tokens(sign(access.build(), new JOSEObjectType("at+jwt")), sign(id.build(), JOSEObjectType.JWT), LIFETIME.toSeconds());
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(keys.current().getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(keys.current()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
