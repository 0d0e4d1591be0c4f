package org.intentpod.auth;

import java.util.Map;
import java.util.Optional;
import org.intentpod.store.PodStore;
import org.intentpod.store.StoreReader;
import org.intentpod.store.StoreWriter;

/**
 * Accounts and client credentials, kept in the pod store as server-private graphs named with
 * {@code urn:intentpod:} IRIs: outside every pod, never reachable over HTTP, and shared by every server
 * instance that shares the store.
 */
public final class Accounts {
    private final PodStore store;

    public Accounts(PodStore store) {
        this.store = store;
    }

    private static String accountGraph(String username) {
        return "urn:intentpod:account:" + username;
    }

    private static String clientGraph(String clientId) {
        return "urn:intentpod:client:" + clientId;
    }

    public Optional<Account> find(String username) {
        return store.read(reader -> read(reader, username));
    }

    /** Stores a new account; false, with nothing written, when the username is taken. */
    public boolean create(Account account, Runnable alsoInTheSameTransaction) {
        return store.write(writer -> {
            if (read(writer, account.username()).isPresent()) {
                return false;
            }
            Records.write(writer, accountGraph(account.username()), Map.of("kind", account.kind().label(), "name", account.name(),
                    "webId", account.webId(), "passwordHash", account.passwordHash()));
            alsoInTheSameTransaction.run();
            return true;
        });
    }

    public void addCredential(Credential credential) {
        store.write(writer -> {
            writeCredential(writer, credential);
            return null;
        });
    }

    public Optional<Credential> credential(String clientId) {
        return store.read(reader -> {
            Map<String, String> values = Records.read(reader, clientGraph(clientId));
            if (!values.containsKey("account")) {
                return Optional.empty();
            }
            return Optional.of(new Credential(clientId, values.get("account"), values.get("name"), values.get("secretHash"),
                    Boolean.parseBoolean(values.get("revoked")), Records.split(values.get("redirectUris"))));
        });
    }

    /** Marks a credential revoked; its tokens stop working on their next use. */
    public void revoke(Credential credential) {
        store.write(writer -> {
            writeCredential(writer, credential.revoke());
            return null;
        });
    }

    private static void writeCredential(StoreWriter writer, Credential credential) {
        Records.write(writer, clientGraph(credential.clientId()), Map.of("account", credential.username(), "name", credential.name(),
                "secretHash", credential.secretHash(), "revoked", Boolean.toString(credential.revoked()),
                "redirectUris", Records.joined(credential.redirectUris())));
    }

    private static Optional<Account> read(StoreReader reader, String username) {
        Map<String, String> values = Records.read(reader, accountGraph(username));
        return values.containsKey("kind")
                ? Optional.of(new Account(username, AccountKind.parse(values.get("kind")).orElseThrow(), values.get("name"), values.get("webId"),
                        values.get("passwordHash")))
                : Optional.empty();
    }
}
