package org.intentpod.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.intentpod.http.RemoteFetcher;

/**
 * Verifies an access token with nimbus: its issuer must be this server or one of the configured trusted
 * issuers, and that issuer's processor checks the signature against the issuer's keys (ours in memory;
 * another's from its discovery document's {@code jwks_uri}, fetched safely and cached by nimbus), the
 * type, the exact issuer, the {@code solid} audience, expiry with a small skew and the required claims.
 * A trusted issuer is discovered on its first token, not at start, so one that is down delays nobody else.
 */
final class TokenVerifier {
    static final int CLOCK_SKEW_SECONDS = 30;
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    private final String ownIssuer;
    private final DefaultJWTProcessor<SecurityContext> own;
    private final Set<String> trusted;
    private final RemoteFetcher fetcher;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> others = new ConcurrentHashMap<>();

    /**
     * What a valid token says. {@code binding} is null for a token not bound to a DPoP key (a Bearer token);
     * {@code grantId} names the credential or app authorization of a token of this server, null for another issuer's.
     */
    record VerifiedToken(String issuer, String webId, String clientId, String grantId, JWKThumbprintConfirmation binding, long expiresMillis) {
    }

    /** A token that does not verify; the message says why. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    TokenVerifier(String ownIssuer, JWKSet ownKeys, List<String> trustedIssuers, RemoteFetcher fetcher) {
        this.ownIssuer = ownIssuer;
        this.trusted = Set.copyOf(trustedIssuers);
        this.fetcher = fetcher;
        // Access tokens (at+jwt) and Solid-OIDC ID tokens (JWT) are both presented by real clients.
        this.own = processor(ownIssuer, new ImmutableJWKSet<>(ownKeys), Set.of(JWSAlgorithm.ES256),
                new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN, JOSEObjectType.JWT), Set.of("webid", "azp", "exp", "iat", "jti", TokenIssuer.GRANT_CLAIM));
    }

    String ownIssuer() {
        return ownIssuer;
    }

    VerifiedToken verify(String token) throws InvalidTokenException {
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException e) {
            throw new InvalidTokenException("The token is not a signed JWT: " + e.getMessage());
        }
        if (jwt.getHeader().getJWKURL() != null || jwt.getHeader().getX509CertURL() != null) {
            throw new InvalidTokenException("Tokens naming a key by URL (jku, x5u) are refused");
        }
        JWTClaimsSet claims;
        try {
            claims = processorFor(issuer).process(jwt, null);
        } catch (InvalidTokenException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidTokenException("Invalid access token: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
        return verified(issuer, claims);
    }

    private VerifiedToken verified(String issuer, JWTClaimsSet claims) throws InvalidTokenException {
        try {
            String clientId = claims.getStringClaim("azp") != null ? claims.getStringClaim("azp") : claims.getStringClaim("client_id");
            if (clientId == null) {
                throw new InvalidTokenException("The token names no client (azp or client_id)");
            }
            Map<String, Object> cnf = claims.getJSONObjectClaim("cnf");
            JWKThumbprintConfirmation binding = null;
            if (cnf != null) {
                if (!(cnf.get("jkt") instanceof String thumbprint)) {
                    throw new InvalidTokenException("The token's cnf names no DPoP key thumbprint (jkt)");
                }
                binding = new JWKThumbprintConfirmation(new Base64URL(thumbprint));
            }
            String grantId = issuer.equals(ownIssuer) ? claims.getStringClaim(TokenIssuer.GRANT_CLAIM) : null;
            return new VerifiedToken(issuer, claims.getStringClaim("webid"), clientId, grantId, binding, claims.getExpirationTime().getTime());
        } catch (java.text.ParseException e) {
            throw new InvalidTokenException("Malformed claim in the token: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processorFor(String issuer) throws InvalidTokenException {
        if (ownIssuer.equals(issuer)) {
            return own;
        }
        if (issuer == null || !trusted.contains(issuer)) {
            throw new InvalidTokenException("Tokens of the issuer " + issuer + " are not accepted here");
        }
        DefaultJWTProcessor<SecurityContext> known = others.get(issuer);
        if (known != null) {
            return known;
        }
        DefaultJWTProcessor<SecurityContext> discovered = processor(issuer, discoverKeys(issuer), Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN, JOSEObjectType.JWT, null), Set.of("webid", "exp", "iat"));
        others.putIfAbsent(issuer, discovered);
        return others.get(issuer);
    }

    /** The issuer's keys, found through its discovery document, which must name the same issuer. */
    private JWKSource<SecurityContext> discoverKeys(String issuer) throws InvalidTokenException {
        URI discovery = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/.well-known/openid-configuration");
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(new String(fetcher.get(discovery, "application/json").body(),
                    StandardCharsets.UTF_8));
            if (!issuer.equals(metadata.getIssuer().getValue())) {
                throw new InvalidTokenException("The discovery document of " + issuer + " names another issuer: " + metadata.getIssuer());
            }
            return JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(), url -> {
                RemoteFetcher.Document keys = fetcher.get(URI.create(url.toString()), "application/jwk-set+json, application/json");
                return new Resource(new String(keys.body(), StandardCharsets.UTF_8), keys.contentType());
            }).build();
        } catch (InvalidTokenException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidTokenException("Cannot discover the keys of " + issuer + ": " + e.getMessage());
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(String issuer, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms,
            DefaultJOSEObjectTypeVerifier<SecurityContext> types, Set<String> required) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(types);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>("solid", new JWTClaimsSet.Builder().issuer(issuer).build(),
                required);
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
