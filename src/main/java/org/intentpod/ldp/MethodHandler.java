package org.intentpod.ldp;

import org.eclipse.jetty.server.Response;

/** What one HTTP method does to a pod resource. Throws {@link org.intentpod.http.HttpProblem} to refuse. */
interface MethodHandler {
    void handle(LdpRequest request, Response response) throws Exception;
}
