package org.intentpod.ldp;

import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.intentpod.access.Agent;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;

/** Routes a pod request to the handler of its method: a newcomer finds what PATCH does in PatchHandler. */
public final class LdpHandler {
    private final LdpContext context;
    private final Map<String, MethodHandler> handlers;

    public LdpHandler(LdpContext context) {
        this.context = context;
        Containment containment = new Containment(context);
        GetHandler get = new GetHandler(context);
        this.handlers = Map.of(
                "GET", get,
                "HEAD", get,
                "PUT", new PutHandler(context, containment),
                "POST", new PostHandler(context, containment),
                "PATCH", new PatchHandler(context, containment),
                "DELETE", new DeleteHandler(context, containment),
                "OPTIONS", new OptionsHandler(context));
    }

    /** Handles one request to a path inside a pod; throws {@link HttpProblem} to refuse it. */
    public void handle(org.eclipse.jetty.server.Request request, ResourcePath path, Response response, Agent agent) throws Exception {
        MethodHandler handler = handlers.get(request.getMethod());
        if (handler == null) {
            var meta = context.store().read(reader -> reader.meta(context.iri(path)).orElse(null));
            throw HttpProblem.methodNotAllowed(request.getMethod(), LdpHeaders.allow(path, meta));
        }
        handler.handle(new LdpRequest(request, path, context.iri(path), agent), response);
    }
}
