package org.intentpod.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InMemoryDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.Bodies;
import org.intentpod.http.HttpProblem;

/**
 * The server-side part of a Solid-OIDC provider: discovery, the JWKS, and the token endpoint for the
 * client_credentials grant with a DPoP proof (RFC 9449). nimbus parses the token request, authenticates
 * nothing by hand, and verifies the proof (signature, typ, htm, htu, iat window, single use of its jti).
 * Without a proof a client gets a plain Bearer token only where the server is configured to allow them.
 */
public final class OidcProvider {
    private static final long MAX_BODY = 16 * 1024;
    private static final long PROOF_MAX_AGE_SECONDS = 60;
    private static final long CLOCK_SKEW_SECONDS = 30;
    private final Accounts accounts;
    private final SigningKeys keys;
    private final TokenIssuer tokens;
    private final URI tokenEndpoint;
    private final DPoPTokenRequestVerifier proofs;
    private final byte[] discovery;
    private final boolean bearerTokens;

    /** @param bearerTokens whether a client that sends no DPoP proof gets a plain Bearer token rather than an error */
    public OidcProvider(Accounts accounts, SigningKeys keys, String issuer, boolean bearerTokens, Clock clock) {
        this.accounts = accounts;
        this.bearerTokens = bearerTokens;
        this.keys = keys;
        this.tokens = new TokenIssuer(keys, issuer, clock);
        this.tokenEndpoint = URI.create(issuer + "idp/token");
        this.proofs = new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), tokenEndpoint, CLOCK_SKEW_SECONDS,
                PROOF_MAX_AGE_SECONDS, new InMemoryDPoPSingleUseChecker(PROOF_MAX_AGE_SECONDS * 2, PROOF_MAX_AGE_SECONDS));
        this.discovery = metadata(issuer).toJSONObject().toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    private OIDCProviderMetadata metadata(String issuer) {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PUBLIC), URI.create(issuer + "idp/jwks"));
        metadata.setTokenEndpointURI(tokenEndpoint);
        metadata.setGrantTypes(List.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setScopes(Scope.parse("openid webid offline_access"));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
        metadata.setDPoPJWSAlgs(List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256));
        metadata.setClaims(List.of("sub", "webid", "azp", "iss", "aud"));
        metadata.setCustomParameter("solid_oidc_supported", "https://solidproject.org/TR/solid-oidc");
        return metadata;
    }

    /** {@code GET /.well-known/openid-configuration}. */
    public void discovery(Request request, Response response) throws Exception {
        readOnly(request);
        json(request, response, 200, discovery, Map.of());
    }

    /** {@code GET /idp/jwks}. */
    public void jwks(Request request, Response response) throws Exception {
        readOnly(request);
        json(request, response, 200, keys.publicKeys().toString().getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/jwk-set+json"));
    }

    /** {@code POST /idp/token}: client credentials and a DPoP proof in, a DPoP-bound access token and an ID token out. */
    public void token(Request request, Response response) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        TokenRequest tokenRequest;
        try {
            tokenRequest = TokenRequest.parse(httpRequest(request));
        } catch (ParseException e) {
            oauthError(request, response, 400, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
            return;
        }
        if (!(tokenRequest.getAuthorizationGrant() instanceof ClientCredentialsGrant)) {
            oauthError(request, response, 400, OAuth2Error.UNSUPPORTED_GRANT_TYPE.setDescription("Only client_credentials is supported here"));
            return;
        }
        var account = authenticate(tokenRequest.getClientAuthentication());
        if (account == null) {
            oauthError(request, response, 401, OAuth2Error.INVALID_CLIENT.setDescription("Unknown client, wrong secret, or a revoked credential"));
            return;
        }
        String proof = request.getHeaders().get("DPoP");
        JWKThumbprintConfirmation binding = null;
        if (proof == null && !bearerTokens) {
            oauthError(request, response, 400, new ErrorObject("invalid_dpop_proof", "A DPoP proof is required: tokens here are DPoP-bound"));
            return;
        }
        if (proof != null) {
            try {
                binding = proofs.verify(new DPoPIssuer(tokenRequest.getClientAuthentication().getClientID()), SignedJWT.parse(proof), (Set<Nonce>) null);
            } catch (Exception invalid) {
                oauthError(request, response, 400, new ErrorObject("invalid_dpop_proof", "Invalid DPoP proof: " + invalid.getMessage()));
                return;
            }
        }
        String clientId = tokenRequest.getClientAuthentication().getClientID().getValue();
        TokenIssuer.Tokens issued = tokens.issue(account.webId(), clientId, binding);
        JSONObject json = new JSONObject();
        json.put("access_token", issued.accessToken());
        json.put("token_type", binding != null ? "DPoP" : "Bearer");
        json.put("expires_in", issued.expiresIn());
        json.put("id_token", issued.idToken());
        json.put("scope", "openid webid");
        json(request, response, 200, json.toJSONString().getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
    }

    private Account authenticate(ClientAuthentication authentication) {
        String secret = switch (authentication) {
            case ClientSecretBasic basic -> basic.getClientSecret().getValue();
            case ClientSecretPost post -> post.getClientSecret().getValue();
            case null, default -> null;
        };
        if (secret == null) {
            return null;
        }
        return accounts.credential(authentication.getClientID().getValue())
                .filter(credential -> !credential.revoked() && ClientSecrets.matches(secret, credential.secretHash()))
                .flatMap(credential -> accounts.find(credential.username()))
                .orElse(null);
    }

    /** The request as nimbus reads it; the URL is the configured endpoint, never one built from Host. */
    private HTTPRequest httpRequest(Request request) throws Exception {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, tokenEndpoint);
        for (String name : List.of("Content-Type", "Authorization")) {
            String value = request.getHeaders().get(name);
            if (value != null) {
                http.setHeader(name, value);
            }
        }
        if (request.getLength() > MAX_BODY) {
            throw new HttpProblem(413, "Content Too Large", "At most " + MAX_BODY + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            http.setBody(new String(in.readNBytes((int) MAX_BODY), StandardCharsets.UTF_8));
        }
        return http;
    }

    private static void readOnly(Request request) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, HEAD");
        }
    }

    private static void oauthError(Request request, Response response, int status, ErrorObject error) throws Exception {
        JSONObject json = new JSONObject();
        json.put("error", error.getCode());
        if (error.getDescription() != null) {
            json.put("error_description", error.getDescription());
        }
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", "Basic realm=\"IntentPod\"", "Cache-Control", "no-store")
                : Map.of("Cache-Control", "no-store");
        json(request, response, status, json.toJSONString().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void json(Request request, Response response, int status, byte[] body, Map<String, String> headers) throws Exception {
        response.setStatus(status);
        String type = headers.getOrDefault("Content-Type", "application/json");
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        Bodies.send(request, response, type, body);
    }
}
