package org.intentpod.ldp;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The LDP preferences of a {@code Prefer: return=representation; include="..."; omit="..."} header. */
record Prefer(Set<String> include, Set<String> omit) {
    private static final Pattern PARAMETER = Pattern.compile("(include|omit)\\s*=\\s*\"([^\"]*)\"");

    static Prefer parse(String header) {
        Set<String> include = new HashSet<>();
        Set<String> omit = new HashSet<>();
        if (header != null && header.contains("return=representation")) {
            Matcher m = PARAMETER.matcher(header);
            while (m.find()) {
                Set<String> target = m.group(1).equals("include") ? include : omit;
                for (String iri : m.group(2).trim().split("\\s+")) {
                    if (!iri.isEmpty()) {
                        target.add(iri);
                    }
                }
            }
        }
        return new Prefer(Set.copyOf(include), Set.copyOf(omit));
    }

    boolean isEmpty() {
        return include.isEmpty() && omit.isEmpty();
    }

    /** Whether containment triples go into a container's representation. */
    boolean wantsContainment() {
        if (include.contains(Terms.PREFER_CONTAINMENT)) {
            return true;
        }
        return !omit.contains(Terms.PREFER_CONTAINMENT) && !include.contains(Terms.PREFER_MINIMAL_CONTAINER);
    }
}
