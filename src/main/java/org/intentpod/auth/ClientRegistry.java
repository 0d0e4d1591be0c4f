package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONObject;
import org.intentpod.http.RemoteFetcher;
import org.intentpod.store.PodStore;

/**
 * Finds the client behind a {@code client_id}: a Client Identifier Document when the id is an http(s)
 * URL (fetched safely, parsed by nimbus, its {@code client_id} equal to its URL, cached a few minutes),
 * a client registered here by OAuth Dynamic Client Registration, or a vendor's static client.
 */
final class ClientRegistry {
    /** Solid-OIDC's client id for apps with no identity of their own, which would allow any redirect URI. */
    private static final String PUBLIC_CLIENT = "http://www.w3.org/ns/solid/terms#PublicOidcClient";
    private static final Duration DOCUMENT_CACHE = Duration.ofMinutes(5);
    private static final int DOCUMENT_CACHE_LIMIT = 1000;
    private static final Set<GrantType> GRANTS = Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
    private final PodStore store;
    private final Accounts accounts;
    private final RemoteFetcher fetcher;
    private final Clock clock;
    private final Map<String, Cached> documents = new ConcurrentHashMap<>();

    private record Cached(OAuthClient client, long expiresMillis) {
    }

    /** The client id names no usable client; the message says why. */
    static final class UnknownClientException extends Exception {
        UnknownClientException(String message) {
            super(message);
        }
    }

    ClientRegistry(PodStore store, Accounts accounts, RemoteFetcher fetcher, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    private static String graph(String clientId) {
        return "urn:intentpod:registered:" + clientId;
    }

    OAuthClient find(String clientId) throws UnknownClientException {
        if (clientId == null || clientId.isEmpty()) {
            throw new UnknownClientException("The request names no client_id");
        }
        if (clientId.equals(PUBLIC_CLIENT)) {
            throw new UnknownClientException("The anonymous client id " + PUBLIC_CLIENT + " is not accepted here, since it would let any site"
                    + " receive codes: publish a Client Identifier Document or register the app at /idp/reg");
        }
        if (clientId.startsWith("https://") || clientId.startsWith("http://")) {
            return document(clientId);
        }
        Optional<OAuthClient> registered = store.read(reader -> {
            Map<String, String> values = Records.read(reader, graph(clientId));
            return values.containsKey("name") ? Optional.of(new OAuthClient(clientId, values.get("name"), uris(values.get("redirectUris")),
                    uris(values.get("postLogoutRedirectUris")), values.get("secretHash"))) : Optional.<OAuthClient>empty();
        });
        if (registered.isPresent()) {
            return registered.get();
        }
        return accounts.credential(clientId).filter(c -> !c.revoked())
                .map(c -> new OAuthClient(clientId, c.name(), c.redirectUris().stream().map(URI::create).toList(), List.of(), c.secretHash()))
                .orElseThrow(() -> new UnknownClientException("No client " + clientId + " is known here"));
    }

    /** Registers a client (RFC 7591); a client asking for no token endpoint authentication is public and gets no secret. */
    OIDCClientInformation register(OIDCClientMetadata metadata) throws UnknownClientException {
        metadata.applyDefaults();
        if (metadata.getRedirectionURIs() == null || metadata.getRedirectionURIs().isEmpty()) {
            throw new UnknownClientException("A client must register at least one redirect_uri");
        }
        for (URI uri : metadata.getRedirectionURIs()) {
            checkRedirect(uri);
        }
        if (!GRANTS.containsAll(metadata.getGrantTypes())) {
            throw new UnknownClientException("Only the grant types authorization_code and refresh_token can be registered");
        }
        if (!metadata.getResponseTypes().equals(Set.of(ResponseType.CODE))) {
            throw new UnknownClientException("Only the response type code can be registered");
        }
        boolean isPublic = ClientAuthenticationMethod.NONE.equals(metadata.getTokenEndpointAuthMethod());
        ClientID id = new ClientID(ClientSecrets.newClientId());
        Secret secret = isPublic ? null : new Secret(ClientSecrets.newSecret());
        String name = metadata.getName() != null ? metadata.getName() : id.getValue();
        Map<String, String> values = new HashMap<>();
        values.put("name", name);
        values.put("redirectUris", Records.joined(metadata.getRedirectionURIs()));
        values.put("postLogoutRedirectUris", Records.joined(metadata.getPostLogoutRedirectionURIs()));
        values.put("secretHash", secret == null ? null : ClientSecrets.digest(secret.getValue()));
        store.write(writer -> {
            Records.write(writer, graph(id.getValue()), values);
            return null;
        });
        return new OIDCClientInformation(id, Date.from(clock.instant()), metadata, secret);
    }

    private OAuthClient document(String url) throws UnknownClientException {
        long now = clock.millis();
        Cached cached = documents.get(url);
        if (cached != null && cached.expiresMillis() > now) {
            return cached.client();
        }
        OAuthClient client = fetchDocument(url);
        if (documents.size() >= DOCUMENT_CACHE_LIMIT) {
            documents.clear();
        }
        documents.put(url, new Cached(client, now + DOCUMENT_CACHE.toMillis()));
        return client;
    }

    private OAuthClient fetchDocument(String url) throws UnknownClientException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new UnknownClientException("The client_id is not a valid URL: " + e.getMessage());
        }
        if (uri.getRawFragment() != null || uri.getHost() == null) {
            throw new UnknownClientException("A client identifier URL has a host and no fragment");
        }
        JSONObject json;
        OIDCClientMetadata metadata;
        try {
            RemoteFetcher.Document document = fetcher.get(uri, "application/ld+json, application/json;q=0.9");
            json = JSONObjectUtils.parse(new String(document.body(), StandardCharsets.UTF_8));
            metadata = OIDCClientMetadata.parse(json);
        } catch (RemoteFetcher.FetchException e) {
            throw new UnknownClientException("Cannot fetch the client identifier document " + url + ": " + e.getMessage());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new UnknownClientException("The client identifier document " + url + " is not valid client metadata: " + e.getMessage());
        }
        if (!url.equals(json.get("client_id"))) {
            throw new UnknownClientException("The client identifier document " + url + " names another client_id: " + json.get("client_id"));
        }
        if (metadata.getRedirectionURIs() == null || metadata.getRedirectionURIs().isEmpty()) {
            throw new UnknownClientException("The client identifier document " + url + " lists no redirect_uris");
        }
        List<URI> postLogout = metadata.getPostLogoutRedirectionURIs() == null ? List.of() : List.copyOf(metadata.getPostLogoutRedirectionURIs());
        return new OAuthClient(url, metadata.getName() != null ? metadata.getName() : uri.getHost(), List.copyOf(metadata.getRedirectionURIs()),
                postLogout, null);
    }

    static void checkRedirect(URI uri) throws UnknownClientException {
        if (!uri.isAbsolute() || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new UnknownClientException("A redirect URI must be an absolute http(s) URL without a fragment: " + uri);
        }
    }

    private static List<URI> uris(String joined) {
        return Records.split(joined).stream().map(URI::create).toList();
    }
}
