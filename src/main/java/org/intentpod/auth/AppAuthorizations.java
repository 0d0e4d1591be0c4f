package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.Scope;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intentpod.store.PodStore;
import org.intentpod.store.StoreReader;

/**
 * What a person allowed an app: one authorization per approval, kept until the person revokes it. Every
 * token and refresh token of the authorization code flow names its authorization, so revoking stops them
 * all at once. A remembered authorization answers the app's next request for the same scopes without
 * asking again.
 */
final class AppAuthorizations {
    private static final String PREFIX = "app-";
    private final PodStore store;
    private final Clock clock;

    record AppAuthorization(String id, String username, String clientId, String clientName, Scope scope, boolean remembered, long createdMillis) {
    }

    AppAuthorizations(PodStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static String graph(String id) {
        return "urn:intentpod:app:" + id;
    }

    private static String index(String username) {
        return "urn:intentpod:apps:" + username;
    }

    AppAuthorization create(String username, OAuthClient client, Scope scope, boolean remembered) {
        AppAuthorization app = new AppAuthorization(PREFIX + ClientSecrets.newSecret(), username, client.id(), client.name(), scope, remembered,
                clock.millis());
        store.write(writer -> {
            Records.addMember(writer, index(username), app.id());
            Map<String, String> values = new HashMap<>();
            values.put("account", username);
            values.put("client", client.id());
            values.put("name", client.name());
            values.put("scope", scope.toString());
            values.put("remembered", Boolean.toString(remembered));
            values.put("created", Long.toString(app.createdMillis()));
            Records.write(writer, graph(app.id()), values);
            return null;
        });
        return app;
    }

    Optional<AppAuthorization> find(String id) {
        return store.read(reader -> read(reader, id));
    }

    /** Whether a grant id names an app authorization (rather than a client credential). */
    static boolean names(String grantId) {
        return grantId.startsWith(PREFIX);
    }

    /** Whether the authorization of this id still stands. */
    boolean live(String id) {
        return find(id).isPresent();
    }

    List<AppAuthorization> list(String username) {
        return store.read(reader -> Records.members(reader, index(username)).stream().map(id -> read(reader, id)).flatMap(Optional::stream).toList());
    }

    /** A remembered authorization of this person for this client that covers every scope asked for. */
    Optional<AppAuthorization> remembered(String username, String clientId, Scope asked) {
        return list(username).stream()
                .filter(app -> app.remembered() && app.clientId().equals(clientId) && app.scope().containsAll(asked))
                .findFirst();
    }

    /** Revokes one of this person's authorizations; false when they have none of that id. */
    boolean revoke(String username, String id) {
        return store.write(writer -> {
            if (!Records.removeMember(writer, index(username), id)) {
                return false;
            }
            writer.remove(graph(id));
            return true;
        });
    }

    private static Optional<AppAuthorization> read(StoreReader reader, String id) {
        Map<String, String> values = Records.read(reader, graph(id));
        if (!values.containsKey("account")) {
            return Optional.empty();
        }
        return Optional.of(new AppAuthorization(id, values.get("account"), values.get("client"), values.get("name"), Scope.parse(values.get("scope")),
                Boolean.parseBoolean(values.get("remembered")), Long.parseLong(values.get("created"))));
    }
}
