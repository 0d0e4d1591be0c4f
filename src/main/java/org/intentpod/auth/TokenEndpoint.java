package org.intentpod.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InMemoryDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.minidev.json.JSONObject;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/**
 * {@code POST /idp/token}: the grants of Solid-OIDC, each answered with a DPoP-bound access token and an
 * ID token. nimbus parses the request and verifies the DPoP proof (signature, typ, htm, htu, iat window,
 * single use); this class checks what only the server knows: the client, the code with its PKCE verifier
 * and redirect URI, and the refresh token's rotation and binding. Without a proof a client gets a plain
 * Bearer token only where the server is configured to allow them.
 */
final class TokenEndpoint {
    private static final long MAX_BODY = 16 * 1024;
    private static final long PROOF_MAX_AGE_SECONDS = 60;
    private static final long CLOCK_SKEW_SECONDS = 30;
    private final Accounts accounts;
    private final ClientRegistry clients;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final AppAuthorizations apps;
    private final TokenIssuer tokens;
    private final URI endpoint;
    private final DPoPTokenRequestVerifier proofs;
    private final boolean bearerTokens;

    /** A refused token request: the OAuth error and its HTTP status. */
    private static final class Refusal extends Exception {
        private final int status;
        private final ErrorObject error;

        Refusal(int status, ErrorObject error, String description) {
            super(description);
            this.status = status;
            this.error = error.setDescription(description);
        }
    }

    TokenEndpoint(Accounts accounts, ClientRegistry clients, AuthorizationCodes codes, RefreshTokens refreshTokens, AppAuthorizations apps,
            TokenIssuer tokens, URI endpoint, boolean bearerTokens) {
        this.accounts = accounts;
        this.clients = clients;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.apps = apps;
        this.tokens = tokens;
        this.endpoint = endpoint;
        this.bearerTokens = bearerTokens;
        this.proofs = new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), endpoint, CLOCK_SKEW_SECONDS,
                PROOF_MAX_AGE_SECONDS, new InMemoryDPoPSingleUseChecker(PROOF_MAX_AGE_SECONDS * 2, PROOF_MAX_AGE_SECONDS));
    }

    void handle(Request request, Response response) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        try {
            TokenRequest tokenRequest = parse(request);
            JSONObject answer = switch (tokenRequest.getAuthorizationGrant()) {
                case ClientCredentialsGrant ignored -> clientCredentials(tokenRequest, request);
                case AuthorizationCodeGrant code -> authorizationCode(tokenRequest, code, request);
                case RefreshTokenGrant refresh -> refresh(tokenRequest, refresh, request);
                default -> throw new Refusal(400, OAuth2Error.UNSUPPORTED_GRANT_TYPE,
                        "Supported grants: client_credentials, authorization_code, refresh_token");
            };
            OAuthResponses.json(request, response, 200, answer);
        } catch (Refusal refusal) {
            OAuthResponses.error(request, response, refusal.status, refusal.error);
        }
    }

    private JSONObject clientCredentials(TokenRequest tokenRequest, Request request) throws Refusal {
        ClientAuthentication authentication = tokenRequest.getClientAuthentication();
        String secret = secret(authentication);
        Account account = secret == null ? null : accounts.credential(authentication.getClientID().getValue())
                .filter(credential -> !credential.revoked() && ClientSecrets.matches(secret, credential.secretHash()))
                .flatMap(credential -> accounts.find(credential.username()))
                .orElse(null);
        if (account == null) {
            throw new Refusal(401, OAuth2Error.INVALID_CLIENT, "Unknown client, wrong secret, or a revoked credential");
        }
        String clientId = authentication.getClientID().getValue();
        JWKThumbprintConfirmation binding = proof(request, authentication.getClientID());
        return answer(tokens.issue(account.webId(), clientId, clientId, binding, null), binding, new Scope("openid", "webid"), null);
    }

    private JSONObject authorizationCode(TokenRequest tokenRequest, AuthorizationCodeGrant grant, Request request) throws Refusal {
        OAuthClient client = client(tokenRequest);
        AuthorizationCodes.Grant approved = codes.redeem(grant.getAuthorizationCode().getValue())
                .orElseThrow(() -> new Refusal(400, OAuth2Error.INVALID_GRANT, "The code is unknown, already used, or expired"));
        if (!approved.clientId().equals(client.id())) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, "The code was issued to another client");
        }
        if (!OAuthClient.same(approved.redirectUri(), grant.getRedirectionURI())) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, "The redirect_uri differs from the authorization request's");
        }
        if (grant.getCodeVerifier() == null) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, "The code_verifier (PKCE) is missing");
        }
        if (!CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier()).equals(approved.challenge())) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, "The code_verifier does not match the code_challenge (PKCE)");
        }
        if (!apps.live(approved.authorizationId())) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, "The authorization behind this code has been revoked");
        }
        JWKThumbprintConfirmation binding = proof(request, new ClientID(client.id()));
        String refresh = approved.scope().contains(OIDCScopeValue.OFFLINE_ACCESS)
                ? refreshTokens.issue(new RefreshTokens.Family(approved.authorizationId(), approved.username(), client.id(), approved.scope(),
                        binding == null ? null : binding.getValue().toString()))
                : null;
        return answer(tokens.issue(approved.webId(), client.id(), approved.authorizationId(), binding, approved.nonce()), binding, approved.scope(),
                refresh);
    }

    private JSONObject refresh(TokenRequest tokenRequest, RefreshTokenGrant grant, Request request) throws Refusal {
        OAuthClient client = client(tokenRequest);
        JWKThumbprintConfirmation binding = proof(request, new ClientID(client.id()));
        RefreshTokens.Rotated rotated;
        try {
            rotated = refreshTokens.rotate(grant.getRefreshToken().getValue(), client.id(), binding == null ? null : binding.getValue().toString());
        } catch (RefreshTokens.InvalidRefreshTokenException e) {
            throw new Refusal(400, OAuth2Error.INVALID_GRANT, e.getMessage());
        }
        RefreshTokens.Family family = rotated.family();
        Account account = accounts.find(family.username())
                .filter(a -> apps.live(family.authorizationId()))
                .orElseThrow(() -> new Refusal(400, OAuth2Error.INVALID_GRANT, "The authorization behind this refresh token has been revoked"));
        return answer(tokens.issue(account.webId(), client.id(), family.authorizationId(), binding, null), binding, family.scope(), rotated.token());
    }

    /** The client of an authorization code or refresh request: a confidential one proves its secret, a public one names itself. */
    private OAuthClient client(TokenRequest tokenRequest) throws Refusal {
        ClientAuthentication authentication = tokenRequest.getClientAuthentication();
        ClientID id = authentication != null ? authentication.getClientID() : tokenRequest.getClientID();
        if (id == null) {
            throw new Refusal(401, OAuth2Error.INVALID_CLIENT, "Name the client: client_id, or its credentials");
        }
        OAuthClient client;
        try {
            client = clients.find(id.getValue());
        } catch (ClientRegistry.UnknownClientException e) {
            throw new Refusal(401, OAuth2Error.INVALID_CLIENT, e.getMessage());
        }
        String secret = secret(authentication);
        if (client.confidential() && (secret == null || !ClientSecrets.matches(secret, client.secretHash()))) {
            throw new Refusal(401, OAuth2Error.INVALID_CLIENT, "Wrong or missing client secret");
        }
        return client;
    }

    /** The DPoP key the request's proof binds the tokens to; null for a Bearer token where those are allowed. */
    private JWKThumbprintConfirmation proof(Request request, ClientID client) throws Refusal {
        String proof = request.getHeaders().get("DPoP");
        if (proof == null) {
            if (bearerTokens) {
                return null;
            }
            throw new Refusal(400, new ErrorObject("invalid_dpop_proof"), "A DPoP proof is required: tokens here are DPoP-bound");
        }
        try {
            return proofs.verify(new DPoPIssuer(client), SignedJWT.parse(proof), (Set<Nonce>) null);
        } catch (Exception invalid) {
            String why = String.valueOf(invalid.getMessage());
            throw new Refusal(400, new ErrorObject("invalid_dpop_proof"), why.startsWith("Invalid DPoP proof") ? why : "Invalid DPoP proof: " + why);
        }
    }

    private static String secret(ClientAuthentication authentication) {
        return switch (authentication) {
            case ClientSecretBasic basic -> basic.getClientSecret().getValue();
            case ClientSecretPost post -> post.getClientSecret().getValue();
            case null, default -> null;
        };
    }

    private static JSONObject answer(TokenIssuer.Tokens issued, JWKThumbprintConfirmation binding, Scope scope, String refreshToken) {
        JSONObject json = new JSONObject();
        json.put("access_token", issued.accessToken());
        json.put("token_type", binding != null ? "DPoP" : "Bearer");
        json.put("expires_in", issued.expiresIn());
        json.put("id_token", issued.idToken());
        json.put("scope", scope.toString());
        if (refreshToken != null) {
            json.put("refresh_token", refreshToken);
        }
        return json;
    }

    /** The request as nimbus reads it; the URL is the configured endpoint, never one built from Host. */
    private TokenRequest parse(Request request) throws Exception {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
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
        try {
            return TokenRequest.parse(http);
        } catch (ParseException e) {
            throw new Refusal(400, OAuth2Error.INVALID_REQUEST, e.getMessage());
        }
    }
}
