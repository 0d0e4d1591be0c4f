package org.intentpod.http;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Small whole bodies already in memory: type, length, and the bytes (none for HEAD). */
public final class Bodies {
    private Bodies() {
    }

    public static void send(Request request, Response response, String contentType, byte[] body) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
    }
}
