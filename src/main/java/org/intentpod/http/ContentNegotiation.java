package org.intentpod.http;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/** Chooses a representation from an Accept header, honouring q-values (Jena's matcher). */
public final class ContentNegotiation {
    private static final AcceptList RDF_OFFERS =
            AcceptList.create(Arrays.stream(RdfFormat.values()).map(RdfFormat::mediaType).toArray(String[]::new));

    private ContentNegotiation() {
    }

    /** The RDF format to answer with; Turtle when the client states no preference. */
    public static Optional<RdfFormat> chooseRdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(RdfFormat.TURTLE);
        }
        return choose(accept, RDF_OFFERS).flatMap(RdfFormat::forContentType);
    }

    /** The best of the offered media types for an Accept header; the first offer when none is given. */
    public static Optional<String> choose(String accept, String... offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers[0]);
        }
        return choose(accept, AcceptList.create(offers));
    }

    private static Optional<String> choose(String accept, AcceptList offers) {
        try {
            MediaType match = AcceptList.match(new AcceptList(accept), offers);
            return Optional.ofNullable(match).map(MediaType::getContentTypeStr);
        } catch (RuntimeException malformed) {
            throw HttpProblem.badRequest("Malformed Accept header: " + accept);
        }
    }
}
