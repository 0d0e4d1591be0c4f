package org.intentpod.auth;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;
import org.intentpod.http.Bodies;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.ResourcePath;

/**
 * The account API that scripts and test tools rely on, kept exactly so: {@code POST /idp/register},
 * {@code POST /idp/credentials} (HTTP Basic), {@code DELETE /idp/credentials/{client_id}}; and an HTML
 * registration form at {@code GET /idp/register}.
 */
public final class IdpHandler {
    private static final long MAX_BODY = 64 * 1024;
    private final Registration registration;
    private final PasswordLogin login;
    private final Accounts accounts;
    private final OidcProvider provider;

    public IdpHandler(Registration registration, PasswordLogin login, Accounts accounts, OidcProvider provider) {
        this.registration = registration;
        this.login = login;
        this.accounts = accounts;
        this.provider = provider;
    }

    /** {@code /.well-known/openid-configuration}: the provider's discovery document. */
    public void wellKnown(Request request, ResourcePath path, Response response) throws Exception {
        if (path.segments().size() != 2 || path.container() || !path.segments().get(1).equals("openid-configuration")) {
            throw HttpProblem.notFound("No resource at " + path);
        }
        provider.discovery(request, response);
    }

    public void handle(Request request, ResourcePath path, Response response) throws Exception {
        String method = request.getMethod();
        String first = path.segments().size() > 1 ? path.segments().get(1) : "";
        if (path.segments().size() == 2 && !path.container() && first.equals("register")) {
            if (HttpMethod.GET.is(method)) {
                html(request, response, RegistrationPage.form());
            } else if (HttpMethod.POST.is(method)) {
                register(request, response);
            } else {
                throw HttpProblem.methodNotAllowed(method, "GET, POST");
            }
        } else if (path.segments().size() == 2 && !path.container() && first.equals("token")) {
            provider.token(request, response);
        } else if (path.segments().size() == 2 && !path.container() && first.equals("jwks")) {
            provider.jwks(request, response);
        } else if (path.segments().size() == 2 && !path.container() && first.equals("credentials")) {
            if (!HttpMethod.POST.is(method)) {
                throw HttpProblem.methodNotAllowed(method, "POST");
            }
            issueCredential(request, response);
        } else if (path.segments().size() == 3 && !path.container() && first.equals("credentials")) {
            if (!HttpMethod.DELETE.is(method)) {
                throw HttpProblem.methodNotAllowed(method, "DELETE");
            }
            revokeCredential(request, path.segments().get(2), response);
        } else {
            throw HttpProblem.notFound("No identity provider endpoint at " + path);
        }
    }

    private void register(Request request, Response response) throws Exception {
        boolean form = MediaTypes.essence(request.getHeaders().get(HttpHeader.CONTENT_TYPE)).equals("application/x-www-form-urlencoded");
        Map<String, String> fields = form ? formFields(request) : jsonFields(request);
        Registration.Registered registered = registration.register(fields.get("username"), fields.get("password"), fields.get("kind"),
                fields.get("name"));
        response.setStatus(201);
        response.getHeaders().put(HttpHeader.LOCATION, registered.webId());
        if (form) {
            html(request, response, RegistrationPage.done(registered));
        } else {
            JsonObject json = new JsonObject();
            json.put("webid", registered.webId());
            json.put("pod", registered.pod());
            json.put("issuer", registered.issuer());
            json(request, response, json);
        }
    }

    private void issueCredential(Request request, Response response) throws Exception {
        Account account = login.basic(request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
        Map<String, String> fields = request.getLength() == 0 ? Map.of() : jsonFields(request);
        String name = fields.getOrDefault("name", "client");
        String clientId = ClientSecrets.newClientId();
        String secret = ClientSecrets.newSecret();
        accounts.addCredential(new Credential(clientId, account.username(), name, ClientSecrets.digest(secret), false));
        JsonObject json = new JsonObject();
        json.put("client_id", clientId);
        json.put("client_secret", secret);
        json.put("webid", account.webId());
        response.setStatus(201);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        json(request, response, json);
    }

    private void revokeCredential(Request request, String clientId, Response response) {
        Account account = login.basic(request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
        Credential credential = accounts.credential(clientId).filter(c -> c.username().equals(account.username()))
                .orElseThrow(() -> HttpProblem.notFound("No credential " + clientId + " of this account"));
        accounts.revoke(credential);
        response.setStatus(204);
    }

    private static Map<String, String> jsonFields(Request request) throws Exception {
        String type = MediaTypes.essence(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (!type.equals("application/json")) {
            throw HttpProblem.unsupportedMediaType("Send application/json" + (type.isEmpty() ? "" : ", not " + type));
        }
        if (request.getLength() > MAX_BODY) {
            throw new HttpProblem(413, "Content Too Large", "At most " + MAX_BODY + " bytes");
        }
        JsonObject object;
        try (InputStream in = Content.Source.asInputStream(request)) {
            JsonValue value = JSON.parseAny(new String(in.readNBytes((int) MAX_BODY + 1), StandardCharsets.UTF_8));
            if (!value.isObject()) {
                throw HttpProblem.badRequest("The body must be a JSON object");
            }
            object = value.getAsObject();
        } catch (HttpProblem problem) {
            throw problem;
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("Malformed JSON: " + malformed.getMessage());
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (String key : object.keys()) {
            JsonValue value = object.get(key);
            if (!value.isString()) {
                throw HttpProblem.badRequest("\"" + key + "\" must be a string");
            }
            fields.put(key, value.getAsString().value());
        }
        return fields;
    }

    private static Map<String, String> formFields(Request request) {
        Fields fields = FormFields.getFields(request);
        Map<String, String> map = new java.util.HashMap<>();
        fields.forEach(field -> map.put(field.getName(), field.getValue()));
        return map;
    }

    private static void json(Request request, Response response, JsonObject json) throws Exception {
        Bodies.send(request, response, "application/json", JSON.toString(json).getBytes(StandardCharsets.UTF_8));
    }

    private static void html(Request request, Response response, String page) throws Exception {
        Bodies.send(request, response, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
