package org.intentpod.ldp;

import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.Preconditions;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceMeta;

/** PUT: create or replace a resource, creating missing intermediate containers. */
final class PutHandler implements MethodHandler {
    private final LdpContext context;
    private final Containment containment;

    PutHandler(LdpContext context, Containment containment) {
        this.context = context;
        this.containment = containment;
    }

    @Override
    public void handle(LdpRequest request, Response response) throws Exception {
        ResourcePath path = request.path();
        WriteGuards.refuseReserved(path, "PUT");
        context.authorize(request, WriteGuards.maybeCreating(context, Operation.on(path, AccessMode.WRITE)));
        IncomingBody body = IncomingBody.read(request, context, path);
        Written written;
        try {
            written = context.store().write(writer -> {
                containment.requirePod(writer, path);
                ResourceMeta previous = writer.meta(request.iri()).orElse(null);
                Preconditions.evaluate(request.headers(), previous == null ? null : previous.version(),
                        previous == null ? null : previous.modified(), false);
                if (previous == null) {
                    containment.checkCreatable(writer, path);
                }
                Instant now = context.now();
                writer.replaceTriples(request.iri(), body.graph());
                containment.put(writer, path, previous, body, now);
                return new Written(previous == null, previous == null ? null : previous.blob());
            });
        } catch (RuntimeException e) {
            body.discard(context.blobs());
            throw e;
        }
        if (written.replacedBlob() != null) {
            context.blobs().delete(written.replacedBlob());
        }
        if (written.created()) {
            response.setStatus(201);
            response.getHeaders().put(HttpHeader.LOCATION, request.iri());
        } else {
            response.setStatus(204);
        }
    }

    private record Written(boolean created, String replacedBlob) {
    }
}
