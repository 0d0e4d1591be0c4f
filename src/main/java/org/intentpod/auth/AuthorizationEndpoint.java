package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/**
 * {@code GET /idp/authorize} and {@code POST /idp/consent}: the authorization code flow with PKCE (S256
 * only). The client and its exact redirect URI are checked before anything else, and until they are no
 * error is ever sent to the redirect URI. A person not logged in gets the login page; one who approved this
 * app for these scopes before (and asked to be remembered) goes straight back to the app with a code;
 * otherwise the consent page names the app. The consent form refers to the request by a server-side id
 * bound to the session, so nothing of the request (state, redirect URI, scope) can be changed on the way.
 */
final class AuthorizationEndpoint {
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int PENDING_LIMIT = 10_000;
    private static final Scope SUPPORTED = Scope.parse("openid webid offline_access");
    private final ClientRegistry clients;
    private final Accounts accounts;
    private final AppAuthorizations apps;
    private final AuthorizationCodes codes;
    private final BrowserSession browser;
    private final Issuer issuer;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A validated request waiting for a person's decision. */
    private record Pending(AuthenticationRequest request, OAuthClient client, String username, long expiresMillis) {
    }

    AuthorizationEndpoint(ClientRegistry clients, Accounts accounts, AppAuthorizations apps, AuthorizationCodes codes, BrowserSession browser,
            String issuer, Clock clock) {
        this.clients = clients;
        this.accounts = accounts;
        this.apps = apps;
        this.codes = codes;
        this.browser = browser;
        this.issuer = new Issuer(issuer);
        this.clock = clock;
    }

    void authorize(Request request, Response response) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET");
        }
        String query = request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery();
        Map<String, List<String>> params = URLUtils.parseParameters(query);
        OAuthClient client;
        URI redirect;
        try {
            client = clients.find(first(params, "client_id"));
            redirect = redirectUri(first(params, "redirect_uri"), client);
        } catch (ClientRegistry.UnknownClientException e) {
            IdpBodies.html(request, response, 400, LoginPages.message("This app cannot log you in", e.getMessage()));
            return;
        }
        AuthenticationRequest authRequest;
        try {
            authRequest = validate(query);
        } catch (ParseException e) {
            State state = params.containsKey("state") ? new State(first(params, "state")) : null;
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage());
            IdpBodies.seeOther(response, new AuthorizationErrorResponse(redirect, error, state, issuer, ResponseMode.QUERY).toURI().toString());
            return;
        }
        boolean silent = authRequest.getPrompt() != null && authRequest.getPrompt().contains(Prompt.Type.NONE);
        Optional<LoginSessions.Session> session = browser.current(request);
        if (session.isEmpty() && "cross-site".equals(request.getHeaders().get("Sec-Fetch-Site"))) {
            // A browser sends no SameSite=Strict cookie on a navigation that another site started; one hop
            // from a page of our own brings the session along, if there is one.
            IdpBodies.html(request, response, 200, LoginPages.bounce("/idp/authorize?" + query));
            return;
        }
        boolean reLogin = authRequest.getPrompt() != null && authRequest.getPrompt().contains(Prompt.Type.LOGIN);
        if (session.isEmpty() || reLogin) {
            if (silent) {
                IdpBodies.seeOther(response, error(authRequest, OIDCError.LOGIN_REQUIRED.setDescription("Nobody is logged in")));
                return;
            }
            // After logging in, the request goes on without prompt=login, which would ask again forever.
            Map<String, List<String>> next = new LinkedHashMap<>(params);
            if (reLogin) {
                List<String> rest = authRequest.getPrompt().stream().filter(type -> type != Prompt.Type.LOGIN).map(Prompt.Type::toString).toList();
                next.remove("prompt");
                if (!rest.isEmpty()) {
                    next.put("prompt", List.of(String.join(" ", rest)));
                }
            }
            String returnTo = "/idp/authorize?" + URLUtils.serializeParameters(next);
            IdpBodies.html(request, response, 200, LoginPages.login(browser.formToken(request, response), returnTo, null));
            return;
        }
        String username = session.get().username();
        Scope scope = granted(authRequest.getScope());
        boolean askAgain = authRequest.getPrompt() != null && authRequest.getPrompt().contains(Prompt.Type.CONSENT);
        Optional<AppAuthorizations.AppAuthorization> remembered = askAgain ? Optional.empty() : apps.remembered(username, client.id(), scope);
        if (remembered.isPresent()) {
            IdpBodies.seeOther(response, success(authRequest, username, remembered.get().id(), scope));
            return;
        }
        if (silent) {
            IdpBodies.seeOther(response, error(authRequest, OIDCError.CONSENT_REQUIRED.setDescription("This app needs the person's approval first")));
            return;
        }
        String id = ClientSecrets.newSecret();
        long now = clock.millis();
        if (pending.size() >= PENDING_LIMIT) {
            pending.values().removeIf(p -> p.expiresMillis() <= now);
        }
        pending.put(id, new Pending(authRequest, client, username, now + PENDING_LIFETIME.toMillis()));
        String person = accounts.find(username).map(Account::name).orElse(username);
        IdpBodies.html(request, response, 200, LoginPages.consent(person, client, authRequest.getRedirectionURI().getHost(), scope,
                session.get().csrf(), id));
    }

    /** {@code POST /idp/consent}: the person's answer, from the consent form of their own session. */
    void consent(Request request, Response response) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        Map<String, String> fields = IdpBodies.fields(request);
        LoginSessions.Session session = browser.forChange(request, BrowserSession.presentedCsrf(request, fields));
        String id = fields.get("request");
        Pending waiting = id == null ? null : pending.remove(id);
        if (waiting == null || waiting.expiresMillis() <= clock.millis() || !waiting.username().equals(session.username())) {
            IdpBodies.html(request, response, 400, LoginPages.message("This request has expired",
                    "The authorization request is unknown, already answered or expired: start again from the app."));
            return;
        }
        AuthenticationRequest authRequest = waiting.request();
        if (!"allow".equals(fields.get("decision"))) {
            IdpBodies.seeOther(response, error(authRequest, OAuth2Error.ACCESS_DENIED.setDescription("The person did not allow this app")));
            return;
        }
        Scope scope = granted(authRequest.getScope());
        AppAuthorizations.AppAuthorization app = apps.create(session.username(), waiting.client(), scope, "on".equals(fields.get("remember")));
        IdpBodies.seeOther(response, success(authRequest, session.username(), app.id(), scope));
    }

    private static URI redirectUri(String value, OAuthClient client) throws ClientRegistry.UnknownClientException {
        if (value == null) {
            throw new ClientRegistry.UnknownClientException("The request names no redirect_uri");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new ClientRegistry.UnknownClientException("The redirect_uri is not a URI: " + e.getMessage());
        }
        if (!client.allowsRedirect(uri)) {
            throw new ClientRegistry.UnknownClientException("The redirect_uri " + value + " is not one that " + client.name() + " registered");
        }
        return uri;
    }

    /** The request, once its client and redirect URI are known good (so that errors go back to the app). */
    private static AuthenticationRequest validate(String query) throws ParseException {
        AuthenticationRequest request = AuthenticationRequest.parse(query);
        if (request.specifiesRequestObject()) {
            String why = "Request objects (request, request_uri) are not supported: send the parameters in the query";
            throw new ParseException(why, OAuth2Error.REQUEST_NOT_SUPPORTED.setDescription(why));
        }
        if (!request.getResponseType().equals(ResponseType.CODE)) {
            String why = "Only response_type=code is supported";
            throw new ParseException(why, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription(why));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            String why = "PKCE is required: send a code_challenge with code_challenge_method=S256";
            throw new ParseException(why, OAuth2Error.INVALID_REQUEST.setDescription(why));
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            String why = "Only response_mode=query is supported";
            throw new ParseException(why, OAuth2Error.INVALID_REQUEST.setDescription(why));
        }
        return request;
    }

    /** Where the app gets its code: its redirect URI with code, state and iss. */
    private String success(AuthenticationRequest request, String username, String authorizationId, Scope scope) {
        String webId = accounts.find(username).map(Account::webId).orElseThrow();
        String code = codes.issue(new AuthorizationCodes.Grant(username, webId, request.getClientID().getValue(), request.getRedirectionURI(),
                request.getCodeChallenge(), scope, request.getNonce() == null ? null : request.getNonce().getValue(), authorizationId));
        return new AuthorizationSuccessResponse(request.getRedirectionURI(), new AuthorizationCode(code), null, request.getState(), issuer,
                ResponseMode.QUERY).toURI().toString();
    }

    private String error(AuthenticationRequest request, ErrorObject error) {
        return new AuthorizationErrorResponse(request.getRedirectionURI(), error, request.getState(), issuer, ResponseMode.QUERY).toURI().toString();
    }

    /** The scopes asked for that this provider knows; others are ignored, as OAuth allows. */
    private static Scope granted(Scope asked) {
        Scope granted = new Scope();
        for (Scope.Value value : asked) {
            if (SUPPORTED.contains(value)) {
                granted.add(value);
            }
        }
        return granted;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
