package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.Browser;
import org.intentpod.DpopSession;

/**
 * A browser app driving the authorization code flow as a real one does: PKCE (S256), state and nonce,
 * its own DPoP key, and a browser (cookies, Origin) for the person's login and consent.
 */
final class AppClient {
    final String base;
    final String clientId;
    final String redirectUri;
    final Browser browser;
    ECKey key = DpopSession.newKey();
    CodeVerifier verifier;
    String state;
    String nonce;

    AppClient(String base, String clientId, String redirectUri, Browser browser) {
        this.base = base;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.browser = browser;
    }

    /** A fresh authorization request; a null value in {@code changes} leaves that parameter out. */
    String authorizeUrl(Map<String, String> changes) {
        verifier = new CodeVerifier();
        state = UUID.randomUUID().toString();
        nonce = UUID.randomUUID().toString();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid webid offline_access");
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        params.put("code_challenge_method", "S256");
        params.putAll(changes);
        params.values().removeIf(v -> v == null);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return base + "idp/authorize?" + URLUtils.serializeParameters(multi);
    }

    HttpResponse<String> authorize(Map<String, String> changes) {
        return browser.get(authorizeUrl(changes));
    }

    /** Fills in the login page and follows the redirect back to where it leads (the authorization request). */
    HttpResponse<String> logIn(HttpResponse<String> loginPage, String username, String password) {
        HttpResponse<String> loggedIn = browser.postForm(base + "idp/login", Map.of("csrf", Browser.hidden(loginPage.body(), "csrf"),
                "return_to", Browser.hidden(loginPage.body(), "return_to"), "username", username, "password", password));
        assertEquals(303, loggedIn.statusCode(), loggedIn.body());
        return browser.get(base + loggedIn.headers().firstValue("Location").orElseThrow().substring(1));
    }

    HttpResponse<String> answer(HttpResponse<String> consentPage, String decision, boolean remember) {
        Map<String, String> fields = new HashMap<>(Map.of("csrf", Browser.hidden(consentPage.body(), "csrf"),
                "request", Browser.hidden(consentPage.body(), "request"), "decision", decision));
        if (remember) {
            fields.put("remember", "on");
        }
        return browser.postForm(base + "idp/consent", fields);
    }

    /** The whole flow for a person who has not approved this app yet: login if needed, consent, code. */
    String code(String username, String password) {
        HttpResponse<String> page = authorize(Map.of());
        if (page.body().contains("action=\"/idp/login\"")) {
            page = logIn(page, username, password);
        }
        // An app this person approved and asked to remember gets its code without the consent page.
        return codeFrom(page.statusCode() == 303 ? page : answer(page, "allow", true));
    }

    /** The code of a redirect back to the app, after checking it carries the request's state and this issuer. */
    String codeFrom(HttpResponse<String> redirect) {
        Map<String, String> params = redirectParams(redirect);
        assertEquals(state, params.get("state"), "the state comes back exactly");
        assertEquals(base, params.get("iss"));
        return params.get("code");
    }

    Map<String, String> redirectParams(HttpResponse<String> redirect) {
        assertEquals(303, redirect.statusCode(), redirect.body());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(redirectUri, location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath());
        Map<String, String> params = new HashMap<>();
        URLUtils.parseParameters(location.getRawQuery()).forEach((name, values) -> params.put(name, values.get(0)));
        return params;
    }

    HttpResponse<String> redeem(String code, String codeVerifier) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "client_id", clientId));
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return token(form, proof("POST", base + "idp/token", null));
    }

    HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId), proof("POST", base + "idp/token", null));
    }

    HttpResponse<String> token(Map<String, String> form, String proof) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((name, value) -> multi.put(name, List.of(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "idp/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(URLUtils.serializeParameters(multi)));
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return browser.send(request);
    }

    /** A pod request with the access token and a fresh proof, as a Solid app sends it (never with cookies). */
    HttpResponse<String> fetch(String url, String accessToken) {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "DPoP " + accessToken)
                .header("DPoP", proof("GET", url, accessToken)).header("Accept", "text/turtle").GET());
    }

    String proof(String method, String url, String accessToken) {
        try {
            DefaultDPoPProofFactory factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
            return (accessToken == null ? factory.createDPoPJWT(method, URI.create(url))
                    : factory.createDPoPJWT(method, URI.create(url), new DPoPAccessToken(accessToken))).serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JSONObject json(HttpResponse<String> response) {
        try {
            return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
