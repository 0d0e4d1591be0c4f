package org.intentpod.auth;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
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
            Map<Node, String> values = values(reader, clientGraph(clientId));
            return values.containsKey(ACCOUNT)
                    ? Optional.of(new Credential(clientId, values.get(ACCOUNT), values.get(NAME), values.get(SECRET),
                            Boolean.parseBoolean(values.get(REVOKED))))
                    : Optional.empty();
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
        Map<Node, String> values = values(reader, accountGraph(username));
        return values.containsKey(KIND)
                ? Optional.of(new Account(username, AccountKind.parse(values.get(KIND)).orElseThrow(), values.get(NAME), values.get(WEBID),
                        values.get(PASSWORD)))
                : Optional.empty();
    }

    /** The one-valued properties of a record graph's subject (named like the graph), as text. */
    private static Map<Node, String> values(StoreReader reader, String graph) {
        Node subject = NodeFactory.createURI(graph);
        Map<Node, String> values = new HashMap<>();
        for (Iterator<Triple> it = reader.triples(graph); it.hasNext(); ) {
            Triple t = it.next();
            if (t.getSubject().equals(subject)) {
                values.put(t.getPredicate(), t.getObject().isURI() ? t.getObject().getURI() : t.getObject().getLiteralLexicalForm());
            }
        }
        return values;
    }
}
