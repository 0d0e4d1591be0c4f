package org.intentpod.ldp;

import org.eclipse.jetty.server.Response;
import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.Preconditions;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceMeta;

/** DELETE: resources and empty containers, with their auxiliary resources; never a pod root or its ACL. */
final class DeleteHandler implements MethodHandler {
    private final LdpContext context;
    private final Containment containment;

    DeleteHandler(LdpContext context, Containment containment) {
        this.context = context;
        this.containment = containment;
    }

    @Override
    public void handle(LdpRequest request, Response response) {
        ResourcePath path = request.path();
        WriteGuards.refuseReserved(path, "DELETE");
        context.authorize(request, Operation.on(path, AccessMode.WRITE));
        String blob = context.store().write(writer -> {
            ResourceMeta meta = writer.meta(request.iri()).orElse(null);
            if (path.isPodRoot() || LdpHeaders.isRootAcl(path)) {
                // Never deletable, whether or not it exists yet: a pod without its root or its root ACL is broken.
                throw HttpProblem.methodNotAllowed("DELETE", LdpHeaders.allow(path, meta));
            }
            if (meta == null) {
                throw HttpProblem.notFound("No resource at " + path);
            }
            Preconditions.evaluate(request.headers(), meta.version(), meta.modified(), false);
            if (meta.isContainer() && writer.hasMembers(meta.iri())) {
                throw HttpProblem.conflict("The container is not empty; delete its members first");
            }
            containment.remove(writer, path, meta, context.now());
            return meta.blob();
        });
        if (blob != null) {
            context.blobs().delete(blob);
        }
        response.setStatus(204);
    }
}
