package org.intentpod;

import java.io.StringReader;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** RDF4J Rio, the independent second parser: everything the server writes must parse with it too. */
public final class SecondParser {
    private SecondParser() {
    }

    public static Model parse(String body, String contentType, String baseIri) {
        RDFFormat format = Rio.getParserFormatForMIMEType(contentType.split(";")[0].trim())
                .orElseThrow(() -> new AssertionError("Rio has no parser for " + contentType));
        try {
            return Rio.parse(new StringReader(body), baseIri, format);
        } catch (Exception e) {
            throw new AssertionError("Rio could not parse the server's " + contentType + ":\n" + body, e);
        }
    }
}
