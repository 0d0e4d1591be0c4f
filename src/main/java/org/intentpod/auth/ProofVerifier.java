package org.intentpod.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InMemoryDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Verifies the DPoP proof of a resource request (RFC 9449) with oauth2-oidc-sdk: signature by the key in
 * its header, {@code typ}, {@code htm}, {@code htu}, the {@code iat} window, single use of its {@code jti},
 * {@code ath} (the hash of the token it comes with) and the key's thumbprint against the token's
 * {@code cnf.jkt}.
 *
 * <p>When configured not to require {@code ath}, a proof without one (Inrupt's Java client 1.1 sends none;
 * its proof interface never sees the token) is checked by the same rules minus {@code ath}, from nimbus's
 * processor and claims verifier and the same single-use cache; oauth2-oidc-sdk keeps its ath-less variant
 * package-private. The token is still bound to the proof's key through {@code cnf.jkt}.
 */
final class ProofVerifier {
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    private static final long MAX_AGE_SECONDS = 60;
    private final boolean athRequired;
    private final Clock clock;
    private final InMemoryDPoPSingleUseChecker singleUse = new InMemoryDPoPSingleUseChecker(MAX_AGE_SECONDS * 2, MAX_AGE_SECONDS);
    private final DPoPProtectedResourceRequestVerifier strict = new DPoPProtectedResourceRequestVerifier(ALGORITHMS,
            TokenVerifier.CLOCK_SKEW_SECONDS, MAX_AGE_SECONDS, singleUse);

    /** A proof that does not verify; the message says why. */
    static final class InvalidProofException extends Exception {
        InvalidProofException(String message) {
            super(message);
        }
    }

    ProofVerifier(boolean athRequired, Clock clock) {
        this.athRequired = athRequired;
        this.clock = clock;
    }

    /**
     * @param url the request URL as the configured base URL spells it, without query
     */
    void verify(String method, URI url, String clientId, String proofHeader, String token, JWKThumbprintConfirmation binding)
            throws InvalidProofException {
        try {
            SignedJWT proof = SignedJWT.parse(proofHeader);
            if (!athRequired && proof.getJWTClaimsSet().getClaim("ath") == null) {
                verifyWithoutAth(method, url, clientId, proof, binding);
            } else {
                strict.verify(method, url, new DPoPIssuer(clientId), proof, new DPoPAccessToken(token), binding, (Nonce) null);
            }
        } catch (InvalidProofException e) {
            throw e;
        } catch (Exception e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            // nimbus's own messages already say what failed.
            throw new InvalidProofException(why.startsWith("Invalid DPoP proof") ? why : "Invalid DPoP proof: " + why);
        }
    }

    private void verifyWithoutAth(String method, URI url, String clientId, SignedJWT proof, JWKThumbprintConfirmation binding) throws Exception {
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().claim("htm", method).claim("htu", url.toString()).build(), Set.of("jti", "iat"));
        claims.setMaxClockSkew(TokenVerifier.CLOCK_SKEW_SECONDS);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("dpop+jwt")));
        processor.setJWSKeySelector(embeddedPublicKey());
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet verified = processor.process(proof, null);
        long age = clock.instant().getEpochSecond() - verified.getIssueTime().toInstant().getEpochSecond();
        if (age > MAX_AGE_SECONDS + TokenVerifier.CLOCK_SKEW_SECONDS || age < -TokenVerifier.CLOCK_SKEW_SECONDS) {
            throw new InvalidProofException("Invalid DPoP proof: iat is outside the accepted window");
        }
        if (!binding.equals(new JWKThumbprintConfirmation(proof.getHeader().getJWK().computeThumbprint()))) {
            throw new InvalidProofException("Invalid DPoP proof: its key is not the one the token is bound to (cnf.jkt)");
        }
        singleUse.markAsUsed(new DPoPProofUse(new DPoPIssuer(clientId), new JWTID(verified.getJWTID()), MAX_AGE_SECONDS));
    }

    /** The public key in the proof's own {@code jwk} header, for the algorithms accepted; never a private key. */
    private static JWSKeySelector<SecurityContext> embeddedPublicKey() {
        return (header, context) -> {
            JWK jwk = header.getJWK();
            if (jwk == null || jwk.isPrivate() || !ALGORITHMS.contains(header.getAlgorithm())) {
                return List.of();
            }
            return KeyConverter.toJavaKeys(List.of(jwk));
        };
    }
}
