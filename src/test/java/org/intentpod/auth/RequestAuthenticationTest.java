package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.DpopSession;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way to present a token wrongly is a 401 that says why, and the request does nothing. */
class RequestAuthenticationTest extends LivePodTest {
    private static final String PASSWORD = "correct horse battery";
    private final ECKey clientKey = DpopSession.newKey();
    private String clientId;
    private String secret;
    private String token;
    private String card;

    @BeforeAll
    void registerAndGetAToken() throws Exception {
        String body = "{\"username\":\"kim\",\"password\":\"" + PASSWORD + "\",\"kind\":\"person\",\"name\":\"Kim\"}";
        pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        JSONObject credential = json(pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic("kim", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        clientId = (String) credential.get("client_id");
        secret = (String) credential.get("client_secret");
        token = tokenFor(clientId, secret, clientKey);
        card = pod.base() + "kim/profile/card";
    }

    private String tokenFor(String id, String clientSecret, ECKey key) throws Exception {
        String tokenUrl = pod.base() + "idp/token";
        HttpResponse<String> response = pod.send(pod.request(tokenUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AccountApiTest.basic(id, clientSecret))
                .header("DPoP", new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT("POST", URI.create(tokenUrl)).serialize())
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("access_token");
    }

    private static JSONObject json(String body) throws Exception {
        return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(body);
    }

    private String proof(ECKey key, String method, String url, String accessToken) throws Exception {
        return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT(method, URI.create(url), new DPoPAccessToken(accessToken))
                .serialize();
    }

    private HttpResponse<String> get(String url, String accessToken, String proof) {
        HttpRequest.Builder request = pod.request(url).header("Authorization", "DPoP " + accessToken).GET();
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return pod.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, String error) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("DPoP ") && challenge.contains("error=\"" + error + "\""), challenge);
    }

    /** A token signed by a key, with the valid token's claims changed by a tweak. */
    private String forged(ECKey signer, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> tweak) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet()).jwtID(UUID.randomUUID().toString());
        tweak.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt")).keyID(signer.getKeyID()).build(), claims.build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    private ECKey serverKey() throws Exception {
        return SigningKeys.load(pod.dataDir()).current();
    }

    @Test
    void aValidTokenAndProofAuthenticate() throws Exception {
        assertEquals(200, get(card, token, proof(clientKey, "GET", card, token)).statusCode());
        String note = pod.base() + "kim/notes/authenticated";
        HttpResponse<String> put = pod.send(pod.request(note).header("Authorization", "DPoP " + token)
                .header("DPoP", proof(clientKey, "PUT", note, token)).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<#a> <http://ex.org/p> 1 .")));
        assertEquals(201, put.statusCode(), put.body());
    }

    @Test
    void aSolidOidcIdTokenIsAcceptedAsTheCredentialToo() throws Exception {
        String tokenUrl = pod.base() + "idp/token";
        HttpResponse<String> response = pod.send(pod.request(tokenUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AccountApiTest.basic(clientId, secret))
                .header("DPoP", new DefaultDPoPProofFactory(clientKey, JWSAlgorithm.ES256).createDPoPJWT("POST", URI.create(tokenUrl)).serialize())
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        String idToken = (String) json(response.body()).get("id_token");
        assertEquals(200, get(card, idToken, proof(clientKey, "GET", card, idToken)).statusCode(), "Inrupt's clients present the ID token");
        assertRefused(get(card, idToken, proof(DpopSession.newKey(), "GET", card, idToken)), "invalid_dpop_proof");
    }

    @Test
    void theProofMustFitTheRequest() throws Exception {
        assertRefused(get(card, token, null), "invalid_dpop_proof");
        assertRefused(get(card, token, proof(clientKey, "POST", card, token)), "invalid_dpop_proof");
        assertRefused(get(card, token, proof(clientKey, "GET", pod.base() + "kim/", token)), "invalid_dpop_proof");
        assertRefused(get(card, token, new DefaultDPoPProofFactory(clientKey, JWSAlgorithm.ES256).createDPoPJWT("GET", URI.create(card)).serialize()),
                "invalid_dpop_proof");
        assertRefused(get(card, token, proof(DpopSession.newKey(), "GET", card, token)), "invalid_dpop_proof");
        String once = proof(clientKey, "GET", card, token);
        assertEquals(200, get(card, token, once).statusCode());
        assertRefused(get(card, token, once), "invalid_dpop_proof");
        assertRefused(get(card, token, staleProof(card)), "invalid_dpop_proof");
    }

    private String staleProof(String url) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "GET").claim("htu", url)
                .issueTime(Date.from(Instant.now().minusSeconds(600))).claim("ath", Base64URL.encode(hash).toString()).build();
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(clientKey.toPublicJWK()).build(), claims);
        proof.sign(new ECDSASigner(clientKey));
        return proof.serialize();
    }

    @Test
    void forgedAndMisusedTokensAreRefused() throws Exception {
        String claims = Base64URL.encode(SignedJWT.parse(token).getJWTClaimsSet().toString()).toString();
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}").toString() + "." + claims + ".";
        assertRefused(get(card, none, proof(clientKey, "GET", card, none)), "invalid_token");
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        hmac.sign(new MACSigner(serverKey().toPublicJWK().toECPublicKey().getEncoded()));
        assertRefused(get(card, hmac.serialize(), proof(clientKey, "GET", card, hmac.serialize())), "invalid_token");
        for (String bad : new String[] {
            forged(DpopSession.newKey(), JWSAlgorithm.ES256, c -> { }),
            forged(serverKey(), JWSAlgorithm.ES256, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
            forged(serverKey(), JWSAlgorithm.ES256, c -> c.audience("someone-else")),
            forged(serverKey(), JWSAlgorithm.ES256, c -> c.issuer("https://issuer.example/")),
            forged(serverKey(), JWSAlgorithm.ES256, c -> c.claim("cnf", null)),
            forged(serverKey(), JWSAlgorithm.ES256, c -> c.claim("webid", "https://elsewhere.example/profile/card#me"))}) {
            assertRefused(get(card, bad, proof(clientKey, "GET", card, bad)), "invalid_token");
        }
        String otherThumbprint = DpopSession.newKey().computeThumbprint().toString();
        String boundElsewhere = forged(serverKey(), JWSAlgorithm.ES256, c -> c.claim("cnf", java.util.Map.of("jkt", otherThumbprint)));
        assertRefused(get(card, boundElsewhere, proof(clientKey, "GET", card, boundElsewhere)), "invalid_dpop_proof");
        assertRefused(pod.send(pod.request(card).header("Authorization", "Bearer " + token).GET()), "invalid_token");
        SignedJWT withJku = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID(serverKey().getKeyID()).jwkURL(URI.create("https://keys.example/jwks")).build(), SignedJWT.parse(token).getJWTClaimsSet());
        withJku.sign(new ECDSASigner(serverKey()));
        assertRefused(get(card, withJku.serialize(), proof(clientKey, "GET", card, withJku.serialize())), "invalid_token");
        com.nimbusds.jose.JWEObject jwe = new com.nimbusds.jose.JWEObject(
                new com.nimbusds.jose.JWEHeader(com.nimbusds.jose.JWEAlgorithm.ECDH_ES, com.nimbusds.jose.EncryptionMethod.A128GCM),
                new com.nimbusds.jose.Payload(token));
        jwe.encrypt(new com.nimbusds.jose.crypto.ECDHEncrypter(serverKey().toPublicJWK()));
        assertRefused(get(card, jwe.serialize(), proof(clientKey, "GET", card, jwe.serialize())), "invalid_token");
    }

    @Test
    void aRefusedRequestDoesNothing() throws Exception {
        String target = pod.base() + "kim/notes/refused";
        HttpResponse<String> refused = pod.send(pod.request(target).header("Authorization", "DPoP " + token).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<#a> <http://ex.org/p> 1 .")));
        assertEquals(401, refused.statusCode());
        assertEquals(404, get(target, token, proof(clientKey, "GET", target, token)).statusCode(), "kim finds nothing there");
    }

    @Test
    void aRevokedCredentialsTokenStopsAtOnce() throws Exception {
        JSONObject other = json(pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic("kim", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        ECKey key = DpopSession.newKey();
        String live = tokenFor((String) other.get("client_id"), (String) other.get("client_secret"), key);
        assertEquals(200, get(card, live, proof(key, "GET", card, live)).statusCode());
        pod.send(pod.request(pod.base() + "idp/credentials/" + other.get("client_id")).header("Authorization", AccountApiTest.basic("kim", PASSWORD))
                .DELETE());
        assertRefused(get(card, live, proof(key, "GET", card, live)), "invalid_token");
    }
}
