package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.DpopSession;
import org.intentpod.TestPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The two opt-in relaxations, on a server configured with both: plain Bearer tokens for clients without
 * DPoP, and DPoP proofs without {@code ath} for clients that predate it. Each still refuses everything
 * else a strict server refuses. (The strict defaults are tested in {@link RequestAuthenticationTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenOptionsTest {
    private TestPod pod;
    private String clientId;
    private String secret;
    private String privateUrl;
    private final ECKey key = DpopSession.newKey();

    @BeforeAll
    void relaxedServer() throws Exception {
        pod = TestPod.start(identity -> identity.withBearerTokens(true).withProofAthRequired(false));
        JSONObject credential = json(pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic(TestPod.POD,
                TestPod.PASSWORD)).POST(HttpRequest.BodyPublishers.noBody())).body());
        clientId = (String) credential.get("client_id");
        secret = (String) credential.get("client_secret");
        privateUrl = pod.url("intentions/");
    }

    @AfterAll
    void stop() {
        pod.close();
    }

    private static JSONObject json(String body) throws Exception {
        return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(body);
    }

    private JSONObject token(boolean withProof) throws Exception {
        String tokenUrl = pod.base() + "idp/token";
        HttpRequest.Builder request = pod.request(tokenUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AccountApiTest.basic(clientId, secret)).POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (withProof) {
            request.header("DPoP", new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT("POST", URI.create(tokenUrl)).serialize());
        }
        HttpResponse<String> response = pod.send(request);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private HttpResponse<String> get(String authorization, String proof) {
        HttpRequest.Builder request = pod.request(privateUrl).header("Authorization", authorization);
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return pod.send(request);
    }

    private String proofWithoutAth(ECKey signer, String method, String url) throws Exception {
        return new DefaultDPoPProofFactory(signer, JWSAlgorithm.ES256).createDPoPJWT(method, URI.create(url)).serialize();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains(reason), challenge);
    }

    @Test
    void aClientWithoutDpopGetsABearerTokenThatWorksOnlyAsBearer() throws Exception {
        JSONObject issued = token(false);
        assertEquals("Bearer", issued.get("token_type"));
        String bearer = (String) issued.get("access_token");
        assertNull(SignedJWT.parse(bearer).getJWTClaimsSet().getClaim("cnf"), "bound to no key");
        assertEquals(200, get("Bearer " + bearer, null).statusCode());
        assertRefused(get("DPoP " + bearer, proofWithoutAth(key, "GET", privateUrl)), "not bound");
    }

    @Test
    void aDpopBoundTokenIsNeverAcceptedAsBearer() throws Exception {
        JSONObject issued = token(true);
        assertEquals("DPoP", issued.get("token_type"));
        assertRefused(get("Bearer " + issued.get("access_token"), null), "DPoP-bound");
    }

    @Test
    void aProofWithoutAthIsCheckedForEverythingElse() throws Exception {
        String token = (String) token(true).get("access_token");
        String once = proofWithoutAth(key, "GET", privateUrl);
        assertEquals(200, get("DPoP " + token, once).statusCode());
        assertRefused(get("DPoP " + token, once), "invalid_dpop_proof");
        assertRefused(get("DPoP " + token, proofWithoutAth(key, "POST", privateUrl)), "invalid_dpop_proof");
        assertRefused(get("DPoP " + token, proofWithoutAth(key, "GET", pod.url("inbox/"))), "invalid_dpop_proof");
        assertRefused(get("DPoP " + token, proofWithoutAth(DpopSession.newKey(), "GET", privateUrl)), "cnf.jkt");
        assertRefused(get("DPoP " + token, staleProof()), "iat");
        String wrongAth = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT("GET", URI.create(privateUrl),
                new DPoPAccessToken("another token")).serialize();
        assertRefused(get("DPoP " + token, wrongAth), "invalid_dpop_proof");
    }

    private String staleProof() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "GET").claim("htu", privateUrl)
                .issueTime(Date.from(Instant.now().minusSeconds(600))).build();
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build(),
                claims);
        proof.sign(new ECDSASigner(key));
        return proof.serialize();
    }
}
