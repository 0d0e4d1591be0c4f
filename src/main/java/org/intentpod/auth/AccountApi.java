package org.intentpod.auth;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.ContentNegotiation;
import org.intentpod.http.HttpProblem;

/**
 * The account API that scripts and test tools rely on, kept exactly so: {@code POST /idp/register},
 * {@code POST /idp/credentials} (HTTP Basic or the login session), {@code DELETE /idp/credentials/{client_id}};
 * and the HTML registration form at {@code GET /idp/register}. A credential may name {@code redirect_uris}:
 * it is then also a vendor's static client for the authorization code flow. {@code GET /idp/apps} lists the
 * apps the person authorized, {@code DELETE /idp/apps/{id}} revokes one.
 */
final class AccountApi {
    private final Registration registration;
    private final Accounts accounts;
    private final AppAuthorizations apps;
    private final BrowserSession browser;
    private final AccountAuthentication owners;

    AccountApi(Registration registration, Accounts accounts, AppAuthorizations apps, BrowserSession browser, AccountAuthentication owners) {
        this.registration = registration;
        this.accounts = accounts;
        this.apps = apps;
        this.browser = browser;
        this.owners = owners;
    }

    void register(Request request, Response response) throws Exception {
        if (HttpMethod.GET.is(request.getMethod())) {
            IdpBodies.html(request, response, 200, RegistrationPage.form(browser.formToken(request, response)));
            return;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET, POST");
        }
        boolean form = IdpBodies.isForm(request);
        Map<String, String> fields = browser.preLoginFields(request);
        Registration.Registered registered = registration.register(fields.get("username"), fields.get("password"), fields.get("kind"),
                fields.get("name"));
        response.getHeaders().put(HttpHeader.LOCATION, registered.webId());
        if (form) {
            IdpBodies.html(request, response, 201, RegistrationPage.done(registered));
        } else {
            JsonObject json = new JsonObject();
            json.put("webid", registered.webId());
            json.put("pod", registered.pod());
            json.put("issuer", registered.issuer());
            IdpBodies.json(request, response, 201, json);
        }
    }

    void issueCredential(Request request, Response response) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        Account account = owners.owner(request, true);
        JsonObject body = request.getLength() == 0 ? new JsonObject() : IdpBodies.json(request);
        String name = IdpBodies.string(body, "name");
        List<String> redirectUris = new ArrayList<>();
        for (String uri : IdpBodies.strings(body, "redirect_uris")) {
            try {
                ClientRegistry.checkRedirect(new URI(uri));
            } catch (java.net.URISyntaxException | ClientRegistry.UnknownClientException e) {
                throw HttpProblem.badRequest("Bad redirect URI " + uri + ": " + e.getMessage());
            }
            redirectUris.add(uri);
        }
        String clientId = ClientSecrets.newClientId();
        String secret = ClientSecrets.newSecret();
        accounts.addCredential(new Credential(clientId, account.username(), name != null ? name : "client", ClientSecrets.digest(secret), false,
                redirectUris));
        JsonObject json = new JsonObject();
        json.put("client_id", clientId);
        json.put("client_secret", secret);
        json.put("webid", account.webId());
        IdpBodies.json(request, response, 201, json);
    }

    void revokeCredential(Request request, String clientId, Response response) {
        if (!HttpMethod.DELETE.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "DELETE");
        }
        Account account = owners.owner(request, true);
        Credential credential = accounts.credential(clientId).filter(c -> c.username().equals(account.username()))
                .orElseThrow(() -> HttpProblem.notFound("No credential " + clientId + " of this account"));
        accounts.revoke(credential);
        response.setStatus(204);
    }

    /**
     * {@code GET /idp/apps}: the apps this person authorized, as JSON or, for a browser, a page with a
     * revoke button for each; {@code DELETE /idp/apps/{id}} (or that page's form post) revokes one.
     */
    void apps(Request request, String id, Response response) throws Exception {
        boolean page = ContentNegotiation.choose(request.getHeaders().get(HttpHeader.ACCEPT), "application/json", "text/html")
                .filter("text/html"::equals).isPresent();
        if (id == null) {
            if (!HttpMethod.GET.is(request.getMethod())) {
                throw HttpProblem.methodNotAllowed(request.getMethod(), "GET");
            }
            if (page) {
                appsPage(request, response);
                return;
            }
            JsonArray list = new JsonArray();
            for (AppAuthorizations.AppAuthorization app : apps.list(owners.owner(request, false).username())) {
                JsonObject item = new JsonObject();
                item.put("id", app.id());
                item.put("client_id", app.clientId());
                item.put("client_name", app.clientName());
                item.put("scope", app.scope().toString());
                item.put("remembered", app.remembered());
                item.put("created", Instant.ofEpochMilli(app.createdMillis()).toString());
                list.add(item);
            }
            IdpBodies.json(request, response, 200, list);
            return;
        }
        boolean form = HttpMethod.POST.is(request.getMethod()) && IdpBodies.isForm(request);
        if (!form && !HttpMethod.DELETE.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "DELETE, POST");
        }
        String username = form ? browser.forChange(request, IdpBodies.fields(request).get(BrowserSession.CSRF_FIELD)).username()
                : owners.owner(request, true).username();
        if (!apps.revoke(username, id)) {
            throw HttpProblem.notFound("No app authorization " + id + " of this account");
        }
        if (form) {
            IdpBodies.seeOther(response, "/idp/apps");
            return;
        }
        response.setStatus(204);
    }

    private void appsPage(Request request, Response response) throws Exception {
        Optional<LoginSessions.Session> session = browser.current(request);
        if (session.isEmpty()) {
            IdpBodies.html(request, response, 200, LoginPages.login(browser.formToken(request, response), "/idp/apps", null));
            return;
        }
        IdpBodies.html(request, response, 200, LoginPages.apps(apps.list(session.get().username()), session.get().csrf()));
    }
}
