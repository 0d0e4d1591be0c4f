package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.HttpProblem;

/**
 * {@code POST /idp/reg}: OAuth 2.0 Dynamic Client Registration (RFC 7591), open as Solid apps expect
 * (Inrupt's browser library registers itself this way). nimbus parses the metadata; the registry keeps it.
 */
final class ClientRegistrationEndpoint {
    private static final int MAX_BODY = 16 * 1024;
    private final ClientRegistry clients;
    private final URI endpoint;

    ClientRegistrationEndpoint(ClientRegistry clients, URI endpoint) {
        this.clients = clients;
        this.endpoint = endpoint;
    }

    void handle(Request request, Response response) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        if (request.getLength() > MAX_BODY) {
            throw new HttpProblem(413, "Content Too Large", "At most " + MAX_BODY + " bytes");
        }
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null) {
            http.setHeader("Content-Type", type);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            http.setBody(new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8));
        }
        OIDCClientInformation registered;
        try {
            registered = clients.register(OIDCClientRegistrationRequest.parse(http).getOIDCClientMetadata());
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : RegistrationError.INVALID_CLIENT_METADATA;
            OAuthResponses.error(request, response, 400, error.setDescription(e.getMessage()));
            return;
        } catch (ClientRegistry.UnknownClientException e) {
            OAuthResponses.error(request, response, 400, RegistrationError.INVALID_CLIENT_METADATA.setDescription(e.getMessage()));
            return;
        }
        OAuthResponses.json(request, response, 201, registered.toJSONObject());
    }
}
