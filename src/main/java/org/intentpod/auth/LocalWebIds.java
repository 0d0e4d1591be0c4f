package org.intentpod.auth;

import java.util.function.Predicate;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.intentpod.store.PodStore;

/**
 * Whether a WebID's profile lists this server as its issuer. Only WebIDs in this server's pods are
 * trusted for now; other issuers (an allow-list, profiles fetched safely) come later.
 */
public final class LocalWebIds implements Predicate<String> {
    private static final Node OIDC_ISSUER = NodeFactory.createURI("http://www.w3.org/ns/solid/terms#oidcIssuer");
    private final PodStore store;
    private final String issuer;

    public LocalWebIds(PodStore store, String issuer) {
        this.store = store;
        this.issuer = issuer;
    }

    @Override
    public boolean test(String webId) {
        if (webId == null || !webId.startsWith(issuer)) {
            return false;
        }
        int hash = webId.indexOf('#');
        String profile = hash < 0 ? webId : webId.substring(0, hash);
        Triple listed = Triple.create(NodeFactory.createURI(webId), OIDC_ISSUER, NodeFactory.createURI(issuer));
        return store.read(reader -> reader.contains(profile, listed));
    }
}
