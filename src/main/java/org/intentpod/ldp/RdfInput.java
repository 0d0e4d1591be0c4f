package org.intentpod.ldp;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.RdfFormat;

/**
 * Parses request bodies with Jena, strictly and without ever reaching the network: a JSON-LD context is
 * either one the server ships or refused (no loader fetches anything); RDF/XML goes through Jena's hardened XML setup (no
 * external entities, the JDK's entity expansion limits). Every parser failure is the client's 400, not logged.
 */
public final class RdfInput {
    private final Context offline;

    /** @param shippedContexts the JSON-LD contexts the server ships, by every URL they are known under */
    public RdfInput(Map<String, byte[]> shippedContexts) {
        this.offline = offlineContext(Map.copyOf(shippedContexts));
    }

    public Graph parse(InputStream body, RdfFormat format, String baseIri) {
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(body).lang(format.lang()).base(baseIri).context(offline).strict(true)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
        } catch (HttpProblem tooLarge) {
            throw tooLarge;
        } catch (RuntimeException malformed) {
            // Jena's tokenizers throw more than RiotException on hostile input (e.g. IllegalFormatException).
            throw HttpProblem.badRequest("Malformed " + format.lang().getLabel() + " body: " + describe(malformed));
        }
        return graph;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static Context offlineContext(Map<String, byte[]> shipped) {
        JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
            byte[] context = shipped.get(url.toString());
            if (context == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "remote JSON-LD documents are not fetched (" + url + "); inline the @context or use " + shipped.keySet());
            }
            return JsonDocument.of(new ByteArrayInputStream(context));
        });
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return context;
    }
}
