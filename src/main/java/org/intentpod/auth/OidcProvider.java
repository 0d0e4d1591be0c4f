package org.intentpod.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/** What a Solid-OIDC client discovers of this provider: its configuration document and its public keys. */
final class OidcProvider {
    private final SigningKeys keys;
    private final byte[] discovery;

    OidcProvider(SigningKeys keys, String issuer) {
        this.keys = keys;
        this.discovery = metadata(issuer).toJSONObject().toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    private static OIDCProviderMetadata metadata(String issuer) {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PUBLIC), URI.create(issuer + "idp/jwks"));
        metadata.setAuthorizationEndpointURI(URI.create(issuer + "idp/authorize"));
        metadata.setTokenEndpointURI(URI.create(issuer + "idp/token"));
        metadata.setRegistrationEndpointURI(URI.create(issuer + "idp/reg"));
        metadata.setEndSessionEndpointURI(URI.create(issuer + "idp/logout"));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST,
                ClientAuthenticationMethod.NONE));
        metadata.setScopes(Scope.parse("openid webid offline_access"));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
        metadata.setDPoPJWSAlgs(List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256));
        metadata.setClaims(List.of("sub", "webid", "azp", "iss", "aud", "nonce"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setCustomParameter("solid_oidc_supported", "https://solidproject.org/TR/solid-oidc");
        return metadata;
    }

    /** {@code GET /.well-known/openid-configuration}. */
    void discovery(Request request, Response response) throws Exception {
        readOnly(request);
        OAuthResponses.send(request, response, 200, discovery, Map.of());
    }

    /** {@code GET /idp/jwks}. */
    void jwks(Request request, Response response) throws Exception {
        readOnly(request);
        OAuthResponses.send(request, response, 200, keys.publicKeys().toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/jwk-set+json"));
    }

    private static void readOnly(Request request) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, HEAD");
        }
    }
}
