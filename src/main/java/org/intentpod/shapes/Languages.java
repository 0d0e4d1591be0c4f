package org.intentpod.shapes;

import java.util.List;
import java.util.Locale;

/** The language of messages for a request: French or English (the default), from Accept-Language. */
public final class Languages {
    private static final List<String> SUPPORTED = List.of("en", "fr");

    private Languages() {
    }

    public static String choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return tag == null ? "en" : tag;
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }
}
