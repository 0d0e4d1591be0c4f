package org.intentpod.auth;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;
import org.intentpod.http.Bodies;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.MediaTypes;

/** Reads the identity provider's small request bodies (HTML forms or JSON objects) and writes its pages and JSON. */
final class IdpBodies {
    private static final long MAX_BODY = 64 * 1024;

    private IdpBodies() {
    }

    static boolean isForm(Request request) {
        return MediaTypes.essence(request.getHeaders().get(HttpHeader.CONTENT_TYPE)).equals("application/x-www-form-urlencoded");
    }

    /** A form's fields, or a JSON object's string members. */
    static Map<String, String> fields(Request request) throws Exception {
        if (isForm(request)) {
            Fields fields = FormFields.getFields(request);
            Map<String, String> map = new HashMap<>();
            fields.forEach(field -> map.put(field.getName(), field.getValue()));
            return map;
        }
        JsonObject object = json(request);
        Map<String, String> map = new HashMap<>();
        for (String key : object.keys()) {
            map.put(key, string(object, key));
        }
        return map;
    }

    static JsonObject json(Request request) throws Exception {
        String type = MediaTypes.essence(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (!type.equals("application/json")) {
            throw HttpProblem.unsupportedMediaType("Send application/json" + (type.isEmpty() ? "" : ", not " + type));
        }
        if (request.getLength() > MAX_BODY) {
            throw new HttpProblem(413, "Content Too Large", "At most " + MAX_BODY + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            JsonValue value = JSON.parseAny(new String(in.readNBytes((int) MAX_BODY + 1), StandardCharsets.UTF_8));
            if (!value.isObject()) {
                throw HttpProblem.badRequest("The body must be a JSON object");
            }
            return value.getAsObject();
        } catch (HttpProblem problem) {
            throw problem;
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("Malformed JSON: " + malformed.getMessage());
        }
    }

    static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw HttpProblem.badRequest("\"" + key + "\" must be a string");
        }
        return value.getAsString().value();
    }

    static List<String> strings(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw HttpProblem.badRequest("\"" + key + "\" must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (!item.isString()) {
                throw HttpProblem.badRequest("\"" + key + "\" must be an array of strings");
            }
            strings.add(item.getAsString().value());
        }
        return strings;
    }

    /** JSON about an account (sessions, secrets, apps): never stored by caches. */
    static void json(Request request, Response response, int status, JsonValue body) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Bodies.send(request, response, "application/json", JSON.toString(body).getBytes(StandardCharsets.UTF_8));
    }

    /** A 303 to where the browser goes next; never cached, since it answers one person's request. */
    static void seeOther(Response response, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    static void html(Request request, Response response, int status, String page) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // The pages are never framed: a framed consent or login page invites clickjacking.
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Content-Security-Policy", "frame-ancestors 'none'");
        Bodies.send(request, response, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
