package org.intentpod.ldp;

import java.io.InputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.intentpod.access.Agent;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;

/**
 * One request as the LDP handlers see it: method, canonical path and its IRI, the authenticated agent,
 * headers, and the body stream. Built once by the router.
 */
public final class LdpRequest {
    private final Request request;
    private final ResourcePath path;
    private final String iri;
    private final Agent agent;

    LdpRequest(Request request, ResourcePath path, String iri, Agent agent) {
        this.request = request;
        this.path = path;
        this.iri = iri;
        this.agent = agent;
    }

    /** Who is asking, as authenticated before the request reached the LDP layer. */
    public Agent agent() {
        return agent;
    }

    public String method() {
        return request.getMethod();
    }

    public ResourcePath path() {
        return path;
    }

    public String iri() {
        return iri;
    }

    public HttpFields headers() {
        return request.getHeaders();
    }

    public String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The Content-Type, required on every write (Solid Protocol: 400 without it). */
    public String requireContentType() {
        String type = header(HttpHeader.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            throw HttpProblem.badRequest("A Content-Type header is required");
        }
        return type;
    }

    /** The body, refused with 413 as soon as it is known to exceed the limit. */
    public InputStream body(long limit) {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        return new LimitedInputStream(Content.Source.asInputStream(request), limit);
    }

    static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "Content Too Large", "The request body exceeds the limit of " + limit + " bytes");
    }
}
