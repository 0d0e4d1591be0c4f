package org.intentpod.auth;

import java.util.Iterator;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.store.PodStore;
import org.intentpod.store.StoreReader;

/**
 * Accounts and client credentials, kept in the pod store as server-private graphs named with
 * {@code urn:intentpod:} IRIs: outside every pod, never reachable over HTTP, and shared by every server
 * instance that shares the store.
 */
public final class Accounts {
    private static final String NS = "urn:intentpod:auth#";
    private static final Node KIND = NodeFactory.createURI(NS + "kind");
    private static final Node NAME = NodeFactory.createURI(NS + "name");
    private static final Node WEBID = NodeFactory.createURI(NS + "webId");
    private static final Node PASSWORD = NodeFactory.createURI(NS + "passwordHash");
    private static final Node ACCOUNT = NodeFactory.createURI(NS + "account");
    private static final Node SECRET = NodeFactory.createURI(NS + "secretHash");
    private static final Node REVOKED = NodeFactory.createURI(NS + "revoked");
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
            Node s = NodeFactory.createURI(accountGraph(account.username()));
            Graph graph = GraphFactory.createDefaultGraph();
            graph.add(s, KIND, NodeFactory.createLiteralString(account.kind().label()));
            graph.add(s, NAME, NodeFactory.createLiteralString(account.name()));
            graph.add(s, WEBID, NodeFactory.createURI(account.webId()));
            graph.add(s, PASSWORD, NodeFactory.createLiteralString(account.passwordHash()));
            writer.replaceTriples(accountGraph(account.username()), graph);
            alsoInTheSameTransaction.run();
            return true;
        });
    }

    public void addCredential(Credential credential) {
        store.write(writer -> {
            writer.replaceTriples(clientGraph(credential.clientId()), credentialGraph(credential));
            return null;
        });
    }

    public Optional<Credential> credential(String clientId) {
        return store.read(reader -> {
            Node s = NodeFactory.createURI(clientGraph(clientId));
            String username = null;
            String name = null;
            String secret = null;
            boolean revoked = false;
            for (Iterator<Triple> it = reader.triples(clientGraph(clientId)); it.hasNext(); ) {
                Triple t = it.next();
                if (!t.getSubject().equals(s)) {
                    continue;
                }
                String value = t.getObject().getLiteralLexicalForm();
                if (t.getPredicate().equals(ACCOUNT)) {
                    username = value;
                } else if (t.getPredicate().equals(NAME)) {
                    name = value;
                } else if (t.getPredicate().equals(SECRET)) {
                    secret = value;
                } else if (t.getPredicate().equals(REVOKED)) {
                    revoked = Boolean.parseBoolean(value);
                }
            }
            return username == null ? Optional.empty() : Optional.of(new Credential(clientId, username, name, secret, revoked));
        });
    }

    /** Marks a credential revoked; its tokens stop working on their next use. */
    public void revoke(Credential credential) {
        store.write(writer -> {
            writer.replaceTriples(clientGraph(credential.clientId()),
                    credentialGraph(new Credential(credential.clientId(), credential.username(), credential.name(), credential.secretHash(), true)));
            return null;
        });
    }

    private static Graph credentialGraph(Credential credential) {
        Node s = NodeFactory.createURI(clientGraph(credential.clientId()));
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(s, ACCOUNT, NodeFactory.createLiteralString(credential.username()));
        graph.add(s, NAME, NodeFactory.createLiteralString(credential.name()));
        graph.add(s, SECRET, NodeFactory.createLiteralString(credential.secretHash()));
        graph.add(s, REVOKED, NodeFactory.createLiteralString(Boolean.toString(credential.revoked())));
        return graph;
    }

    private static Optional<Account> read(StoreReader reader, String username) {
        AccountKind kind = null;
        String name = null;
        String webId = null;
        String hash = null;
        for (Iterator<Triple> it = reader.triples(accountGraph(username)); it.hasNext(); ) {
            Triple t = it.next();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(KIND)) {
                kind = AccountKind.parse(o.getLiteralLexicalForm()).orElseThrow();
            } else if (p.equals(NAME)) {
                name = o.getLiteralLexicalForm();
            } else if (p.equals(WEBID)) {
                webId = o.getURI();
            } else if (p.equals(PASSWORD)) {
                hash = o.getLiteralLexicalForm();
            }
        }
        return kind == null ? Optional.empty() : Optional.of(new Account(username, kind, name, webId, hash));
    }
}
