package org.intentpod.ldp;

import org.intentpod.http.ResourcePath;
import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.HttpProblem;

/** Refusals shared by the methods that write. */
final class WriteGuards {
    private WriteGuards() {
    }

    /** Write on the target; creating it also needs Append on the container it lands in. */
    static Operation writing(LdpContext context, ResourcePath path) {
        Operation write = Operation.on(path, AccessMode.WRITE);
        boolean exists = context.store().read(reader -> reader.meta(context.iri(path)).isPresent());
        return exists || path.isPodRoot() || path.isAuxiliary() ? write : write.creatingIn(path.parent(), AccessMode.APPEND);
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
