package org.intentpod.http;

import java.util.Locale;

/** Small helpers for media type strings. */
public final class MediaTypes {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String HTML = "text/html";
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String N3 = "text/n3";
    public static final String SPARQL_UPDATE = "application/sparql-update";

    private MediaTypes() {
    }

    /** The type/subtype part of a media type, lower case, without parameters; "" for null. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String base = semi < 0 ? contentType : contentType.substring(0, semi);
        return base.trim().toLowerCase(Locale.ROOT);
    }
}
