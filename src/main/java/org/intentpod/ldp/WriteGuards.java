package org.intentpod.ldp;

import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;

/** Refusals shared by the methods that write. */
final class WriteGuards {
    private WriteGuards() {
    }

    /**
     * An operation on a target that may not exist yet: creating it also needs Append on the container it
     * lands in (pod roots are never created by a request, and auxiliary resources are not contained).
     */
    static Operation maybeCreating(LdpContext context, Operation operation) {
        ResourcePath path = operation.target();
        boolean exists = context.store().read(reader -> reader.meta(context.iri(path)).isPresent());
        return exists || path.isPodRoot() || path.isAuxiliary() ? operation : operation.creatingIn(path.parent(), AccessMode.APPEND);
    }

    static void refuseReserved(ResourcePath path, String method) {
        if (StorageDescription.is(path)) {
            throw HttpProblem.methodNotAllowed(method, LdpHeaders.allow(path, null));
        }
        if (path.isServerReserved()) {
            throw HttpProblem.forbidden("Names starting with '.' are reserved for the server (except .acl and .meta)");
        }
    }
}
