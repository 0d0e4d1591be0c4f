package org.intentpod.auth;

import java.util.Locale;
import java.util.Optional;

/** Kept by the server, never read from a profile, so editing a profile cannot turn a person into a vendor. */
public enum AccountKind {
    PERSON,
    VENDOR;

    public static Optional<AccountKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "person" -> Optional.of(PERSON);
            case "vendor" -> Optional.of(VENDOR);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
