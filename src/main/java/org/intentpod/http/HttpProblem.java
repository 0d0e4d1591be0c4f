package org.intentpod.http;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;

/**
 * The one exception that carries an HTTP status out of any layer; {@link ProblemResponder} is the only
 * place that turns it into a response body (RFC 9457).
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, String> headers;
    private final Graph report;
    private final List<Map<String, String>> violations;

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public HttpProblem(int status, String title, String detail, Map<String, String> headers) {
        this(status, title, detail, headers, null, List.of());
    }

    private HttpProblem(int status, String title, String detail, Map<String, String> headers, Graph report,
            List<Map<String, String>> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
        this.report = report;
        this.violations = List.copyOf(violations);
    }

    /** The same problem with a validation report: served as the RDF body, and listed in problem+json. */
    public HttpProblem withReport(Graph rdfReport, List<Map<String, String>> readableViolations) {
        return new HttpProblem(status, title, getMessage(), headers, rdfReport, readableViolations);
    }

    /** An RDF report to answer with instead of the generic description, or null. */
    public Graph report() {
        return report;
    }

    /** Readable violations for the problem+json "violations" member; empty for most problems. */
    public List<Map<String, String>> violations() {
        return violations;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Headers the response must carry besides the body, e.g. {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "Bad Request", detail);
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "Not Found", detail);
    }

    public static HttpProblem conflict(String detail) {
        return new HttpProblem(409, "Conflict", detail);
    }

    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "Forbidden", detail);
    }

    public static HttpProblem preconditionFailed(String detail) {
        return new HttpProblem(412, "Precondition Failed", detail);
    }

    public static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, "Unsupported Media Type", detail);
    }

    public static HttpProblem methodNotAllowed(String method, String allow) {
        return new HttpProblem(405, "Method Not Allowed", method + " is not allowed on this resource", Map.of("Allow", allow));
    }
}
