package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.intentpod.http.Bodies;

/** The JSON answers of the OAuth endpoints: documents, and errors as RFC 6749 5.2 spells them. */
final class OAuthResponses {
    private OAuthResponses() {
    }

    static void error(Request request, Response response, int status, ErrorObject error) throws Exception {
        JSONObject json = new JSONObject();
        json.put("error", error.getCode());
        if (error.getDescription() != null) {
            json.put("error_description", error.getDescription());
        }
        if (status == 401) {
            response.getHeaders().put("WWW-Authenticate", "Basic realm=\"IntentPod\"");
        }
        json(request, response, status, json);
    }

    /** Tokens, client secrets and errors about them: never stored by caches. */
    static void json(Request request, Response response, int status, JSONObject body) throws Exception {
        send(request, response, status, body.toJSONString().getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
    }

    static void send(Request request, Response response, int status, byte[] body, Map<String, String> headers) throws Exception {
        response.setStatus(status);
        String type = headers.getOrDefault("Content-Type", "application/json");
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        Bodies.send(request, response, type, body);
    }
}
