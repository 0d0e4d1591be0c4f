package org.intentpod.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Conditional requests as RFC 9110 section 13.2.2 orders them: If-Match, If-Unmodified-Since,
 * If-None-Match, If-Modified-Since. Evaluated against the state seen inside the request's transaction,
 * so two writers racing with the same If-Match cannot both win.
 */
public final class Preconditions {
    public enum Outcome { PROCEED, NOT_MODIFIED }

    private Preconditions() {
    }

    /**
     * @param version the current version, or null when the resource does not exist
     * @param modified its last modification, or null when it does not exist
     * @param safe true for GET and HEAD (a failed If-None-Match means 304 there, 412 elsewhere)
     */
    public static Outcome evaluate(HttpFields headers, String version, Instant modified, boolean safe) {
        boolean exists = version != null;
        String ifMatch = joined(headers, HttpHeader.IF_MATCH);
        if (ifMatch != null) {
            if (!matches(ifMatch, version)) {
                throw HttpProblem.preconditionFailed(exists
                        ? "If-Match does not match the current version of the resource"
                        : "If-Match given but the resource does not exist");
            }
        } else {
            Instant unmodifiedSince = date(headers.get(HttpHeader.IF_UNMODIFIED_SINCE));
            if (unmodifiedSince != null && exists && modified.getEpochSecond() > unmodifiedSince.getEpochSecond()) {
                throw HttpProblem.preconditionFailed("The resource was modified after If-Unmodified-Since");
            }
        }
        String ifNoneMatch = joined(headers, HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, version)) {
                if (safe) {
                    return Outcome.NOT_MODIFIED;
                }
                throw HttpProblem.preconditionFailed(ifNoneMatch.trim().equals("*")
                        ? "If-None-Match: * but the resource exists"
                        : "If-None-Match matches the current version of the resource");
            }
        } else if (safe && exists) {
            Instant modifiedSince = date(headers.get(HttpHeader.IF_MODIFIED_SINCE));
            if (modifiedSince != null && modified.getEpochSecond() <= modifiedSince.getEpochSecond()) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    private static String joined(HttpFields headers, HttpHeader header) {
        StringBuilder all = null;
        for (HttpField field : headers.getFields(header)) {
            all = all == null ? new StringBuilder(field.getValue()) : all.append(',').append(field.getValue());
        }
        return all == null ? null : all.toString();
    }

    /** Strong comparison of a list of entity tags (or "*") against the current version. */
    private static boolean matches(String list, String version) {
        if (version == null) {
            return false;
        }
        if (list.trim().equals("*")) {
            return true;
        }
        for (String tag : list.split(",")) {
            if (version.equals(EntityTag.versionOf(tag))) {
                return true;
            }
        }
        return false;
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignoredAsTheRfcSays) {
            return null;
        }
    }
}
