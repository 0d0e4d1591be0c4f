package org.intentpod.ldp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.intentpod.access.AccessMode;
import org.intentpod.access.Operation;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceMeta;

/** POST to a container: creates a new child, named after the Slug when it is free, never overwriting. */
final class PostHandler implements MethodHandler {
    private static final int MAX_SLUG = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LdpContext context;
    private final Containment containment;

    PostHandler(LdpContext context, Containment containment) {
        this.context = context;
        this.containment = containment;
    }

    @Override
    public void handle(LdpRequest request, Response response) throws Exception {
        ResourcePath container = request.path();
        WriteGuards.refuseReserved(container, "POST");
        context.authorize(request, Operation.on(container, AccessMode.APPEND));
        boolean wantsContainer = asksForContainer(request);
        ResourcePath child = context.store().read(reader -> {
            ResourceMeta meta = reader.meta(request.iri()).orElseThrow(() -> HttpProblem.notFound("No container at " + container));
            if (!meta.isContainer()) {
                throw HttpProblem.methodNotAllowed("POST", LdpHeaders.allow(container, meta));
            }
            String name = slug(request.header("Slug"));
            ResourcePath candidate = container.child(name, wantsContainer);
            boolean taken = reader.meta(context.iri(candidate)).isPresent() || reader.meta(context.iri(candidate.twin())).isPresent();
            return taken ? container.child(name + "-" + randomSuffix(), wantsContainer) : candidate;
        });
        IncomingBody body = IncomingBody.read(request, context, child);
        String childIri = context.iri(child);
        try {
            context.store().write(writer -> {
                if (writer.meta(request.iri()).isEmpty()) {
                    throw HttpProblem.notFound("No container at " + container);
                }
                if (writer.meta(childIri).isPresent() || writer.meta(context.iri(child.twin())).isPresent()) {
                    throw HttpProblem.conflict("'" + child.name() + "' was created by another request meanwhile; retry");
                }
                writer.replaceTriples(childIri, body.graph());
                containment.put(writer, child, null, body, context.now());
                return null;
            });
        } catch (RuntimeException e) {
            body.discard(context.blobs());
            throw e;
        }
        response.setStatus(201);
        response.getHeaders().put(HttpHeader.LOCATION, childIri);
    }

    /** True when a {@code Link: <ldp:BasicContainer>; rel="type"} asks for a container. */
    private static boolean asksForContainer(LdpRequest request) {
        for (HttpField link : request.headers().getFields(HttpHeader.LINK)) {
            for (String value : link.getValues()) {
                int open = value.indexOf('<');
                int close = value.indexOf('>');
                if (open < 0 || close < open) {
                    continue;
                }
                String target = value.substring(open + 1, close);
                String parameters = value.substring(close + 1).replace(" ", "");
                boolean typeRelation = parameters.contains("rel=\"type\"") || parameters.contains("rel=type");
                if (typeRelation && (target.equals(Terms.LDP_BASIC_CONTAINER) || target.equals(Terms.LDP_CONTAINER))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A safe single segment from a Slug: letters, digits, '-', '_' and '.', no leading dot (so never a
     * server name), and never an auxiliary name: {@code x.acl} becomes {@code x-acl}.
     */
    static String slug(String header) {
        if (header == null) {
            return randomSuffix();
        }
        StringBuilder name = new StringBuilder();
        for (char c : header.trim().toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' ? c : '-');
        }
        String cleaned = name.toString().replaceAll("^[.]+", "").replaceAll("[.]+$", "");
        for (String suffix : ResourcePath.AUXILIARY_SUFFIXES) {
            if (cleaned.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                cleaned = cleaned.substring(0, cleaned.length() - suffix.length()) + "-" + suffix.substring(1);
            }
        }
        if (cleaned.length() > MAX_SLUG) {
            cleaned = cleaned.substring(0, MAX_SLUG);
        }
        return cleaned.isEmpty() ? randomSuffix() : cleaned;
    }

    private static String randomSuffix() {
        byte[] raw = new byte[6];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
