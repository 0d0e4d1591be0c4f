package org.intentpod.ldp;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.jena.graph.Node;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.intentpod.http.MediaTypes;
import org.intentpod.http.RdfFormat;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;

/** The headers a Solid client relies on to learn what a resource is and what it accepts. */
final class LdpHeaders {
    static final String ACCEPT_PATCH = MediaTypes.N3 + ", " + MediaTypes.SPARQL_UPDATE;
    private static final String STORAGE_DESCRIPTION_PATH = ".well-known/solid";

    private LdpHeaders() {
    }

    /** The methods a resource takes, given what is stored there (null when nothing is). */
    static String allow(ResourcePath path, ResourceMeta meta) {
        if (StorageDescription.is(path)) {
            return "OPTIONS, HEAD, GET";
        }
        if (meta == null) {
            return "OPTIONS, HEAD, GET, PUT, PATCH";
        }
        return switch (meta.kind()) {
            case CONTAINER -> path.isPodRoot() ? "OPTIONS, HEAD, GET, POST, PUT, PATCH" : "OPTIONS, HEAD, GET, POST, PUT, PATCH, DELETE";
            case RDF_SOURCE -> isRootAcl(path) ? "OPTIONS, HEAD, GET, PUT, PATCH" : "OPTIONS, HEAD, GET, PUT, PATCH, DELETE";
            case NON_RDF_SOURCE -> "OPTIONS, HEAD, GET, PUT, DELETE";
        };
    }

    /** The pod root's ACL: deleting it would leave the pod without any access rule. */
    static boolean isRootAcl(ResourcePath path) {
        return path.isAuxiliary() && path.name().equals(".acl") && path.auxiliarySubject().isPodRoot();
    }

    /** Link, Allow, Accept-* and Vary headers for a resource; meta is null when nothing is stored there. */
    static void describe(HttpFields.Mutable headers, ResourcePath path, ResourceMeta meta, LdpContext context) {
        String baseUrl = context.baseUrl();
        if (meta != null) {
            typeLink(headers, Terms.LDP_RESOURCE);
            if (meta.kind() == ResourceKind.CONTAINER) {
                typeLink(headers, Terms.LDP_CONTAINER);
                typeLink(headers, Terms.LDP_BASIC_CONTAINER);
                if (path.isPodRoot()) {
                    typeLink(headers, Terms.PIM_STORAGE);
                }
            } else {
                typeLink(headers, meta.kind() == ResourceKind.RDF_SOURCE ? Terms.LDP_RDF_SOURCE : Terms.LDP_NON_RDF_SOURCE);
            }
        }
        if (path.pod() != null) {
            headers.add(HttpHeader.LINK, "<" + storageDescription(path, baseUrl) + ">; rel=\"" + Terms.STORAGE_DESCRIPTION + "\"");
        }
        if (!path.isAuxiliary() && !StorageDescription.is(path)) {
            headers.add(HttpHeader.LINK, "<" + path.acl().iri(baseUrl) + ">; rel=\"acl\"");
        }
        if (path.isPodRoot()) {
            headers.add(HttpHeader.LINK, "<" + ResourcePath.ownerWebId(baseUrl, path.pod()) + ">; rel=\"" + Terms.SOLID + "owner\"");
        }
        String allow = allow(path, meta);
        headers.put(HttpHeader.ALLOW, allow);
        if (allow.contains("PATCH")) {
            headers.put("Accept-Patch", ACCEPT_PATCH);
        }
        if (allow.contains("POST")) {
            headers.put("Accept-Post", "*/*");
        }
        if (allow.contains("PUT")) {
            headers.put("Accept-Put", path.container() ? RdfFormat.mediaTypeList() : "*/*");
        }
        if (meta != null && meta.isContainer()) {
            for (Node shape : constrainedBy(path, context)) {
                headers.add(HttpHeader.LINK, "<" + shape.getURI() + ">; rel=\"" + Terms.LDP + "constrainedBy\"");
            }
        }
        headers.add(HttpHeader.VARY, "Accept");
    }

    /** The shapes a standard container's members must satisfy. */
    static List<Node> constrainedBy(ResourcePath container, LdpContext context) {
        return StandardContainers.constrainedTypes(container).stream().map(type -> context.shapes().shapeFor(type))
                .flatMap(java.util.Optional::stream).toList();
    }

    static void validators(HttpFields.Mutable headers, String etag, ResourceMeta meta) {
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(meta.modified().atZone(ZoneOffset.UTC)));
    }

    static String storageDescription(ResourcePath path, String baseUrl) {
        return baseUrl + path.pod() + "/" + STORAGE_DESCRIPTION_PATH;
    }

    private static void typeLink(HttpFields.Mutable headers, String type) {
        headers.add(HttpHeader.LINK, "<" + type + ">; rel=\"type\"");
    }
}
