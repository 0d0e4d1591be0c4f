package org.intentpod.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intentpod.store.PodStore;
import org.intentpod.store.StoreReader;

/**
 * Login sessions of the identity provider and the web UI, kept in the store so that they survive a
 * restart and are shared by every instance on the store. Only a digest of the session id is stored: a
 * copy of the store does not let anyone log in. Each account's index of sessions lets a new login sweep
 * that account's expired ones, so abandoned sessions do not pile up.
 */
public final class LoginSessions {
    static final Duration LIFETIME = Duration.ofHours(12);
    private final PodStore store;
    private final Clock clock;

    /** A live session: who is logged in, the token every state-changing form must carry, and when it ends. */
    public record Session(String id, String username, String csrf, long expiresMillis) {
    }

    public LoginSessions(PodStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static String graph(String id) {
        return "urn:intentpod:session:" + ClientSecrets.digest(id);
    }

    private static String index(String username) {
        return "urn:intentpod:sessions:" + username;
    }

    public Session start(String username) {
        long now = clock.millis();
        Session session = new Session(ClientSecrets.newSecret(), username, ClientSecrets.newSecret(), now + LIFETIME.toMillis());
        store.write(writer -> {
            List<String> kept = new ArrayList<>();
            for (String other : Records.members(writer, index(username))) {
                if (expired(Records.read(writer, other), now)) {
                    writer.remove(other);
                } else {
                    kept.add(other);
                }
            }
            kept.add(graph(session.id()));
            Records.writeMembers(writer, index(username), kept);
            Records.write(writer, graph(session.id()), Map.of("account", username, "csrf", session.csrf(),
                    "expires", Long.toString(session.expiresMillis())));
            return null;
        });
        return session;
    }

    /** The live session of this id, if any. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return store.read(reader -> read(reader, id));
    }

    private Optional<Session> read(StoreReader reader, String id) {
        Map<String, String> values = Records.read(reader, graph(id));
        if (!values.containsKey("account") || expired(values, clock.millis())) {
            return Optional.empty();
        }
        return Optional.of(new Session(id, values.get("account"), values.get("csrf"), Long.parseLong(values.get("expires"))));
    }

    public void end(Session session) {
        store.write(writer -> {
            writer.remove(graph(session.id()));
            Records.removeMember(writer, index(session.username()), graph(session.id()));
            return null;
        });
    }

    private static boolean expired(Map<String, String> values, long now) {
        String expires = values.get("expires");
        return expires == null || Long.parseLong(expires) <= now;
    }
}
