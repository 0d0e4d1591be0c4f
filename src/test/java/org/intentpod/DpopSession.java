package org.intentpod;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;

/**
 * An account logged in the way a server-side Solid client is: client credentials from the account API, a
 * DPoP-bound token from the token endpoint, and a fresh proof on every request.
 */
public final class DpopSession {
    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private final HttpClient client;
    private final String base;
    private final String clientId;
    private final String secret;
    private final String webId;
    private final DefaultDPoPProofFactory proofs;
    private String token;
    private Instant issued;

    private DpopSession(HttpClient client, String base, String clientId, String secret, String webId) throws Exception {
        this.client = client;
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
        this.webId = webId;
        this.proofs = new DefaultDPoPProofFactory(newKey(), JWSAlgorithm.ES256);
    }

    /** A fresh P-256 key, as a client makes for its DPoP proofs. */
    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an account (a person) and logs it in. */
    public static DpopSession register(HttpClient client, String base, String username, String password) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"kind\":\"person\",\"name\":\"" + username + "\"}";
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(URI.create(base + "idp/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new IllegalStateException("registration failed: " + registered.body());
        }
        return login(client, base, username, password);
    }

    /** Gets client credentials for an existing account and logs in with them. */
    public static DpopSession login(HttpClient client, String base, String username, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create(base + "idp/credentials"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("credentials failed: " + issued.body());
        }
        JSONObject json = (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(issued.body());
        return new DpopSession(client, base, (String) json.get("client_id"), (String) json.get("client_secret"), (String) json.get("webid"));
    }

    public String webId() {
        return webId;
    }

    /** The request with this account's token and a fresh proof for its method and URL. */
    public synchronized HttpRequest sign(HttpRequest request) throws Exception {
        if (token == null || Instant.now().isAfter(issued.plus(RENEW_AFTER))) {
            token = fetchToken();
            issued = Instant.now();
        }
        URI uri = request.uri();
        URI htu = new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null);
        String proof = proofs.createDPoPJWT(request.method(), htu, new DPoPAccessToken(token)).serialize();
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "DPoP " + token).header("DPoP", proof).build();
    }

    private String fetchToken() throws Exception {
        String tokenUrl = base + "idp/token";
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(tokenUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("DPoP", proofs.createDPoPJWT("POST", URI.create(tokenUrl)).serialize()).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.body());
        }
        return (String) ((JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(response.body())).get("access_token");
    }
}
