package org.intentpod.auth;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.RdfFormat;
import org.intentpod.http.RemoteFetcher;
import org.intentpod.ldp.RdfInput;
import org.intentpod.store.PodStore;

/**
 * Whether a WebID's profile lists an issuer as its {@code solid:oidcIssuer}, which Solid-OIDC requires
 * before a token for that WebID is believed. Profiles in this server's pods are read from the store;
 * others are fetched (safely: public addresses, timeouts, a size limit), parsed offline, and a positive
 * answer is remembered for a few minutes so a busy client does not refetch its profile on every token.
 */
final class WebIdIssuers {
    private static final Node OIDC_ISSUER = NodeFactory.createURI("http://www.w3.org/ns/solid/terms#oidcIssuer");
    private static final long REMEMBER_MILLIS = 5 * 60 * 1000;
    private static final int REMEMBERED_LIMIT = 10_000;
    private final PodStore store;
    private final String baseUrl;
    private final RemoteFetcher fetcher;
    private final RdfInput rdf;
    private final Clock clock;
    private final Map<String, Long> confirmedUntil = new ConcurrentHashMap<>();

    WebIdIssuers(PodStore store, String baseUrl, RemoteFetcher fetcher, RdfInput rdf, Clock clock) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
        this.rdf = rdf;
        this.clock = clock;
    }

    /** @throws TokenVerifier.InvalidTokenException when the profile does not list the issuer or cannot be read */
    void check(String webId, String issuer) throws TokenVerifier.InvalidTokenException {
        URI profile = profileOf(webId);
        Triple listed = Triple.create(NodeFactory.createURI(webId), OIDC_ISSUER, NodeFactory.createURI(issuer));
        boolean lists;
        if (issuer.equals(baseUrl) && !webId.startsWith(baseUrl)) {
            lists = false; // this server only issues tokens for its own accounts, whose WebIDs are local
        } else if (webId.startsWith(baseUrl)) {
            lists = store.read(reader -> reader.contains(profile.toString(), listed));
        } else {
            lists = rememberedOrFetched(webId, issuer, profile, listed);
        }
        if (!lists) {
            throw new TokenVerifier.InvalidTokenException("The WebID " + webId + " does not list " + issuer + " as its solid:oidcIssuer");
        }
    }

    private boolean rememberedOrFetched(String webId, String issuer, URI profile, Triple listed) throws TokenVerifier.InvalidTokenException {
        String key = webId + ' ' + issuer;
        long now = clock.millis();
        Long until = confirmedUntil.get(key);
        if (until != null && now < until) {
            return true;
        }
        Graph graph = fetch(profile);
        if (!graph.contains(listed)) {
            return false;
        }
        if (confirmedUntil.size() >= REMEMBERED_LIMIT) {
            confirmedUntil.values().removeIf(expiry -> expiry < now);
        }
        confirmedUntil.put(key, now + REMEMBER_MILLIS);
        return true;
    }

    private Graph fetch(URI profile) throws TokenVerifier.InvalidTokenException {
        try {
            RemoteFetcher.Document document = fetcher.get(profile, "text/turtle, application/ld+json;q=0.9, application/n-triples;q=0.8");
            RdfFormat format = RdfFormat.forContentType(document.contentType()).orElseThrow(() -> new TokenVerifier.InvalidTokenException(
                    "The WebID profile " + profile + " is not RDF (" + document.contentType() + ")"));
            return rdf.parse(new ByteArrayInputStream(document.body()), format, document.url().toString());
        } catch (RemoteFetcher.FetchException e) {
            throw new TokenVerifier.InvalidTokenException("Cannot read the WebID profile: " + e.getMessage());
        } catch (HttpProblem malformed) {
            throw new TokenVerifier.InvalidTokenException("Cannot parse the WebID profile " + profile + ": " + malformed.getMessage());
        }
    }

    private static URI profileOf(String webId) throws TokenVerifier.InvalidTokenException {
        try {
            URI uri = URI.create(webId);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null);
        } catch (Exception e) {
            throw new TokenVerifier.InvalidTokenException("The token's WebID is not a URL: " + webId);
        }
    }
}
