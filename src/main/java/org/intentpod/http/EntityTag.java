package org.intentpod.http;

/**
 * Strong entity tags. A stored version has one tag per representation: {@code "version"} for bytes as
 * stored, {@code "version-fmt"} for an RDF source written in format {@code fmt}, because a strong tag
 * promises byte-identical bodies. Preconditions compare the version, so a tag from any representation
 * of the current state matches, as a client that GETs Turtle and PUTs with If-Match expects.
 */
public final class EntityTag {
    private EntityTag() {
    }

    public static String of(String version) {
        return '"' + version + '"';
    }

    public static String of(String version, RdfFormat format) {
        return '"' + version + '-' + format.tag() + '"';
    }

    /** The version inside one entity tag from a header, or null for a weak or malformed tag. */
    static String versionOf(String tag) {
        String t = tag.trim();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return null;
        }
        String opaque = t.substring(1, t.length() - 1);
        int dash = opaque.indexOf('-');
        return dash < 0 ? opaque : opaque.substring(0, dash);
    }
}
