package org.intentpod.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one canonical form of a request path, decided here and used for the resource IRI and every later
 * decision about it. Percent-encoding is decoded and re-encoded uniformly; what could make two spellings
 * name one resource, or climb out of a pod, is refused: dot segments (plain or encoded), encoded slashes
 * or backslashes, {@code ;} parameters, empty segments, NUL and other control characters.
 *
 * @param segments decoded segments; empty for the server root
 * @param container true when the path ends with a slash (a container)
 */
public record ResourcePath(List<String> segments, boolean container) {
    /** Auxiliary resources of a subject: {@code x.acl} and {@code x.meta}; for a container {@code c/.acl}. */
    public static final Set<String> AUXILIARY_SUFFIXES = Set.of(".acl", ".meta");
    /** Top-level names that belong to the server, never to a pod. */
    public static final Set<String> RESERVED_TOP_LEVEL = Set.of("idp", "market", "ns", "shapes", "ui", ".well-known");
    private static final String UNRESERVED_AND_SAFE = "-._~!$&'()*+,=:@";

    public ResourcePath {
        segments = List.copyOf(segments);
    }

    /** Parses a raw (still percent-encoded) request path. */
    public static ResourcePath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw HttpProblem.badRequest("The request path must start with '/'");
        }
        if (rawPath.indexOf(';') >= 0) {
            throw HttpProblem.badRequest("Path parameters (';') are not allowed in resource paths");
        }
        if (rawPath.equals("/")) {
            return new ResourcePath(List.of(), true);
        }
        boolean container = rawPath.endsWith("/");
        String body = rawPath.substring(1, container ? rawPath.length() - 1 : rawPath.length());
        List<String> segments = new ArrayList<>();
        for (String raw : body.split("/", -1)) {
            segments.add(decodeSegment(raw));
        }
        return new ResourcePath(segments, container);
    }

    private static String decodeSegment(String raw) {
        if (raw.isEmpty()) {
            throw HttpProblem.badRequest("Empty path segments ('//') are not allowed");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw HttpProblem.badRequest("Incomplete percent-encoding in path segment '" + raw + "'");
                }
                int value = hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2));
                if (value < 0) {
                    throw HttpProblem.badRequest("Invalid percent-encoding in path segment '" + raw + "'");
                }
                if (value == '/' || value == '\\') {
                    throw HttpProblem.badRequest("Encoded slashes are not allowed in resource paths");
                }
                bytes.write(value);
                i += 2;
            } else if (c > 0x7e) {
                throw HttpProblem.badRequest("Non-ASCII characters in a path must be percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("Path segment '" + raw + "' is not UTF-8 once decoded");
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            throw HttpProblem.badRequest("Dot segments ('.' and '..') are not allowed in resource paths");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw HttpProblem.badRequest("Control characters and backslashes are not allowed in resource paths");
            }
        }
        return decoded;
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        return d < 0 ? -0x1000 : d;
    }

    public boolean isServerRoot() {
        return segments.isEmpty();
    }

    /** The pod's name: the first segment. */
    public String pod() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    public boolean isPodRoot() {
        return segments.size() == 1 && container;
    }

    public String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The container holding this resource; the server root for a pod root. */
    public ResourcePath parent() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("the server root has no parent");
        }
        return new ResourcePath(segments.subList(0, segments.size() - 1), true);
    }

    public ResourcePath child(String name, boolean childIsContainer) {
        List<String> childSegments = new ArrayList<>(segments);
        childSegments.add(name);
        return new ResourcePath(childSegments, childIsContainer);
    }

    /** The same name as the other kind: {@code a/b} for {@code a/b/} and the reverse. */
    public ResourcePath twin() {
        return new ResourcePath(segments, !container);
    }

    /** True for {@code .acl} and {@code .meta} resources (not for a container of that name). */
    public boolean isAuxiliary() {
        return !container && AUXILIARY_SUFFIXES.stream().anyMatch(s -> name().endsWith(s));
    }

    /** The resource an auxiliary resource describes. */
    public ResourcePath auxiliarySubject() {
        String name = name();
        String suffix = AUXILIARY_SUFFIXES.stream().filter(name::endsWith).findFirst().orElseThrow();
        String stem = name.substring(0, name.length() - suffix.length());
        return stem.isEmpty() ? parent() : parent().child(stem, false);
    }

    /** The auxiliary resources this resource can have. */
    public List<ResourcePath> auxiliaries() {
        return AUXILIARY_SUFFIXES.stream().map(this::auxiliary).toList();
    }

    /** This resource's ACL: {@code x.acl} beside a resource, {@code c/.acl} inside a container. */
    public ResourcePath acl() {
        return auxiliary(".acl");
    }

    private ResourcePath auxiliary(String suffix) {
        return container ? child(suffix, false) : parent().child(name() + suffix, false);
    }

    /** The root container of the pod this path is in. */
    public ResourcePath podRoot() {
        return new ResourcePath(segments.subList(0, 1), true);
    }

    /** A pod's root container. */
    public static ResourcePath podRoot(String pod) {
        return new ResourcePath(List.of(pod), true);
    }

    /**
     * The WebID of a pod's owner: the one convention for where it lives, used to provision the profile,
     * to keep the owner's Control, and to link the owner from the pod root.
     */
    public static String ownerWebId(String baseUrl, String pod) {
        return baseUrl + pod + "/profile/card#me";
    }

    /** True when a segment below the pod root starts with '.' and is not an auxiliary resource. */
    public boolean isServerReserved() {
        for (int i = 1; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            if (segments.get(i).startsWith(".") && !(last && isAuxiliary())) {
                return true;
            }
        }
        return false;
    }

    /** The canonical, percent-encoded path. */
    public String encoded() {
        StringBuilder path = new StringBuilder("/");
        for (int i = 0; i < segments.size(); i++) {
            encodeSegment(segments.get(i), path);
            if (i < segments.size() - 1 || container) {
                path.append('/');
            }
        }
        return path.toString();
    }

    /** The resource IRI under a base URL (which ends with '/'). */
    public String iri(String baseUrl) {
        return baseUrl + encoded().substring(1);
    }

    private static void encodeSegment(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED_AND_SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }

    @Override
    public String toString() {
        return encoded();
    }
}
