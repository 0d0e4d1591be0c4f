package org.intentpod.ldp;

import org.eclipse.jetty.server.Response;

/** OPTIONS: what the resource is and which methods and media types it takes; no body. */
final class OptionsHandler implements MethodHandler {
    private final LdpContext context;

    OptionsHandler(LdpContext context) {
        this.context = context;
    }

    @Override
    public void handle(LdpRequest request, Response response) {
        var meta = context.store().read(reader -> reader.meta(request.iri()).orElse(null));
        LdpHeaders.describe(response.getHeaders(), request.path(), meta, context);
        response.setStatus(204);
    }
}
