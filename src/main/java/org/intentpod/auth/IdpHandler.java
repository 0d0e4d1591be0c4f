package org.intentpod.auth;

import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;

/** Routes {@code /idp/...} and {@code /.well-known/openid-configuration} to the identity provider's endpoints. */
public final class IdpHandler {
    private final OidcProvider provider;
    private final AccountApi accountApi;
    private final BrowserLogin browserLogin;
    private final AuthorizationEndpoint authorization;
    private final TokenEndpoint token;
    private final ClientRegistrationEndpoint clientRegistration;

    IdpHandler(OidcProvider provider, AccountApi accountApi, BrowserLogin browserLogin, AuthorizationEndpoint authorization, TokenEndpoint token,
            ClientRegistrationEndpoint clientRegistration) {
        this.provider = provider;
        this.accountApi = accountApi;
        this.browserLogin = browserLogin;
        this.authorization = authorization;
        this.token = token;
        this.clientRegistration = clientRegistration;
    }

    /** {@code /.well-known/openid-configuration}: the provider's discovery document. */
    public void wellKnown(Request request, ResourcePath path, Response response) throws Exception {
        if (path.segments().size() != 2 || path.container() || !path.segments().get(1).equals("openid-configuration")) {
            throw HttpProblem.notFound("No resource at " + path);
        }
        provider.discovery(request, response);
    }

    public void handle(Request request, ResourcePath path, Response response) throws Exception {
        List<String> segments = path.segments();
        if (path.container() || segments.size() < 2 || segments.size() > 3) {
            throw HttpProblem.notFound("No identity provider endpoint at " + path);
        }
        String endpoint = segments.get(1);
        if (segments.size() == 3) {
            switch (endpoint) {
                case "credentials" -> accountApi.revokeCredential(request, segments.get(2), response);
                case "apps" -> accountApi.apps(request, segments.get(2), response);
                default -> throw HttpProblem.notFound("No identity provider endpoint at " + path);
            }
            return;
        }
        switch (endpoint) {
            case "register" -> accountApi.register(request, response);
            case "credentials" -> accountApi.issueCredential(request, response);
            case "token" -> token.handle(request, response);
            case "jwks" -> provider.jwks(request, response);
            case "reg" -> clientRegistration.handle(request, response);
            case "authorize" -> authorization.authorize(request, response);
            case "consent" -> authorization.consent(request, response);
            case "login" -> browserLogin.login(request, response);
            case "logout" -> browserLogin.logout(request, response);
            case "session" -> browserLogin.session(request, response);
            case "apps" -> accountApi.apps(request, null, response);
            default -> throw HttpProblem.notFound("No identity provider endpoint at " + path);
        }
    }
}
