package org.intentpod.access;

import java.util.Locale;

/** The Web Access Control modes. */
public enum AccessMode {
    READ,
    WRITE,
    APPEND,
    CONTROL;

    static final String ACL = "http://www.w3.org/ns/auth/acl#";

    String iri() {
        String name = name().toLowerCase(Locale.ROOT);
        return ACL + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** As WAC-Allow spells it. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
