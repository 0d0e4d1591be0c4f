package org.intentpod.ldp;

import org.intentpod.http.HttpProblem;

/** Refusals shared by the methods that write. */
final class WriteGuards {
    private WriteGuards() {
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
