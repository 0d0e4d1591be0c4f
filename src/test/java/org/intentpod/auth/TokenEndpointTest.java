package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.LivePodTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Solid-OIDC provider, server side: discovery, JWKS, and client_credentials tokens bound to DPoP keys. */
class TokenEndpointTest extends LivePodTest {
    private static final String PASSWORD = "correct horse battery";
    private String clientId;
    private String secret;
    private String webId;

    @BeforeAll
    void registerAClient() throws Exception {
        String body = "{\"username\":\"jules\",\"password\":\"" + PASSWORD + "\",\"kind\":\"person\",\"name\":\"Jules\"}";
        assertEquals(201, pod.send(pod.request(pod.base() + "idp/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        JSONObject credential = json(pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic("jules", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        clientId = (String) credential.get("client_id");
        secret = (String) credential.get("client_secret");
        webId = (String) credential.get("webid");
    }

    private static JSONObject json(String body) throws Exception {
        return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(body);
    }

    private String tokenUrl() {
        return pod.base() + "idp/token";
    }

    private String proof(JWK key, JWSAlgorithm algorithm, String method, String url) throws Exception {
        return new DefaultDPoPProofFactory(key, algorithm).createDPoPJWT(method, URI.create(url)).serialize();
    }

    private HttpResponse<String> token(String clientSecret, String dpop, Map<String, String> extraForm, boolean basic) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!basic) {
            form.append("&client_id=").append(enc(clientId)).append("&client_secret=").append(enc(clientSecret));
        }
        extraForm.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        HttpRequest.Builder request = pod.request(tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (basic) {
            request.header("Authorization", AccountApiTest.basic(enc(clientId), enc(clientSecret)));
        }
        if (dpop != null) {
            request.header("DPoP", dpop);
        }
        return pod.send(request);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void discoveryDescribesASolidOidcProvider() throws Exception {
        JSONObject metadata = json(pod.get(pod.base() + ".well-known/openid-configuration", "application/json").body());
        assertEquals(pod.base(), metadata.get("issuer"), "the issuer is the configured base URL exactly");
        assertEquals(tokenUrl(), metadata.get("token_endpoint"));
        assertEquals(pod.base() + "idp/jwks", metadata.get("jwks_uri"));
        assertEquals("https://solidproject.org/TR/solid-oidc", metadata.get("solid_oidc_supported"));
        assertTrue(metadata.get("scopes_supported").toString().contains("webid"));
        assertTrue(metadata.get("dpop_signing_alg_values_supported").toString().contains("ES256"));
        assertTrue(metadata.get("dpop_signing_alg_values_supported").toString().contains("RS256"));
        JWKSet jwks = JWKSet.parse(pod.get(pod.base() + "idp/jwks", "*/*").body());
        assertEquals(1, jwks.getKeys().size());
        assertTrue(jwks.getKeys().stream().noneMatch(JWK::isPrivate), "only public keys are published");
    }

    @Test
    void clientCredentialsWithAProofGiveADpopBoundToken() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        HttpResponse<String> response = token(secret, proof(key, JWSAlgorithm.ES256, "POST", tokenUrl()), Map.of(), true);
        assertEquals(200, response.statusCode(), response.body());
        JSONObject body = json(response.body());
        assertEquals("DPoP", body.get("token_type"));
        JWKSet jwks = JWKSet.parse(pod.get(pod.base() + "idp/jwks", "*/*").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet access = processor.process((String) body.get("access_token"), null);
        assertEquals(webId, access.getStringClaim("webid"));
        assertEquals(clientId, access.getStringClaim("client_id"));
        assertEquals(clientId, access.getStringClaim("azp"));
        assertEquals(pod.base(), access.getIssuer());
        assertTrue(access.getAudience().contains("solid"));
        assertEquals(key.computeThumbprint().toString(), ((Map<?, ?>) access.getClaim("cnf")).get("jkt"));
        assertTrue(access.getExpirationTime().getTime() - access.getIssueTime().getTime() <= 300_000, "short-lived");
        JWTClaimsSet id = processor.process((String) body.get("id_token"), null);
        assertEquals(webId, id.getStringClaim("webid"));
        assertTrue(id.getAudience().containsAll(java.util.List.of(clientId, "solid")), "a Solid-OIDC ID token: " + id.getAudience());
        assertEquals(key.computeThumbprint().toString(), ((Map<?, ?>) id.getClaim("cnf")).get("jkt"), "bound to the DPoP key too");
    }

    @Test
    void clientSecretPostAndRs256ProofsWorkToo() throws Exception {
        var rsa = new RSAKeyGenerator(2048).generate();
        HttpResponse<String> response = token(secret, proof(rsa, JWSAlgorithm.RS256, "POST", tokenUrl()), Map.of(), false);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void refusals() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        assertError(token(secret, null, Map.of(), true), 400, "invalid_dpop_proof");
        assertError(token("wrong-secret", proof(key, JWSAlgorithm.ES256, "POST", tokenUrl()), Map.of(), true), 401, "invalid_client");
        assertError(token(secret, proof(key, JWSAlgorithm.ES256, "POST", pod.base() + "idp/other"), Map.of(), true), 400, "invalid_dpop_proof");
        assertError(token(secret, proof(key, JWSAlgorithm.ES256, "GET", tokenUrl()), Map.of(), true), 400, "invalid_dpop_proof");
        assertError(token(secret, "not.a.jwt", Map.of(), true), 400, "invalid_dpop_proof");
        String once = proof(key, JWSAlgorithm.ES256, "POST", tokenUrl());
        assertEquals(200, token(secret, once, Map.of(), true).statusCode());
        assertError(token(secret, once, Map.of(), true), 400, "invalid_dpop_proof");
        HttpResponse<String> password = pod.send(pod.request(tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AccountApiTest.basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=jules&password=x")));
        assertError(password, 400, "unsupported_grant_type");
        assertError(pod.send(pod.request(tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nonsense"))), 400, "invalid_request");
        assertEquals(405, pod.send(pod.request(tokenUrl()).GET()).statusCode());
    }

    @Test
    void aRevokedCredentialGetsNoMoreTokens() throws Exception {
        JSONObject other = json(pod.send(pod.request(pod.base() + "idp/credentials").header("Authorization", AccountApiTest.basic("jules", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        String id = (String) other.get("client_id");
        assertEquals(204, pod.send(pod.request(pod.base() + "idp/credentials/" + id).header("Authorization", AccountApiTest.basic("jules", PASSWORD))
                .DELETE()).statusCode());
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        HttpResponse<String> refused = pod.send(pod.request(tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AccountApiTest.basic(id, (String) other.get("client_secret")))
                .header("DPoP", proof(key, JWSAlgorithm.ES256, "POST", tokenUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertError(refused, 401, "invalid_client");
    }

    @Test
    void signingKeysSurviveARestart() {
        String before = pod.get(pod.base() + "idp/jwks", "*/*").body();
        pod.restart();
        assertEquals(before, pod.get(pod.base() + "idp/jwks", "*/*").body());
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, json(response.body()).get("error"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }
}
