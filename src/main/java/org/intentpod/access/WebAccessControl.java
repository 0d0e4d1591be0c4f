package org.intentpod.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ResourcePath;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.StoreReader;
import org.intentpod.store.PodStore;

/**
 * The one decision point (Web Access Control, https://solidproject.org/TR/wac): which modes an agent has on
 * a resource, from the resource's own ACL ({@code acl:accessTo}) or else the nearest container ACL
 * ({@code acl:default}). No ACL on the way up, or an unreadable one, denies. The owner of a pod always keeps
 * Control over it, so no ACL edit can lock them out. Reading or writing an ACL needs Control on its subject.
 * Parsed ACLs are cached per version, so a decision costs a few metadata lookups.
 */
public final class WebAccessControl {
    private static final String VCARD_HAS_MEMBER = "http://www.w3.org/2006/vcard/ns#hasMember";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "DPoP algs=\"ES256 RS256\"");
    private static final int CACHE_LIMIT = 10_000;
    private final PodStore store;
    private final String baseUrl;
    private final Map<String, Authorizations> parsed = new ConcurrentHashMap<>();

    public WebAccessControl(PodStore store, String baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    /** What an agent, and anyone, may do on a target: the WAC-Allow header's content. */
    public record Decision(Set<AccessMode> user, Set<AccessMode> everyone) {
        public String wacAllow() {
            return "user=\"" + tokens(user) + "\",public=\"" + tokens(everyone) + "\"";
        }
    }

    /**
     * Answers an operation: returns what the agent (and anyone) may do on the target when everything it
     * needs is allowed; otherwise 401 for an anonymous agent and 403 for an authenticated one, the same
     * whether or not the target exists. One read transaction.
     */
    public Decision authorize(Agent agent, String origin, Operation operation) {
        return store.read(reader -> authorize(reader, agent, origin, operation));
    }

    /** The same decision inside a read transaction the caller already has (a GET answers in the same one). */
    public Decision authorize(StoreReader reader, Agent agent, String origin, Operation operation) {
        Set<AccessMode> onTarget = effective(reader, agent, origin, operation.target());
        boolean allowed = grants(onTarget, required(operation.target(), operation.onTarget()));
        if (allowed && operation.container() != null) {
            allowed = grants(effective(reader, agent, origin, operation.container()), operation.onContainer());
        }
        if (!allowed) {
            throw agent.isAuthenticated()
                    ? HttpProblem.forbidden("You are not allowed to do this here")
                    : new HttpProblem(401, "Unauthorized", "Authenticate with a DPoP-bound token to do this here", CHALLENGE);
        }
        Set<AccessMode> everyone = agent.isAuthenticated() ? effective(reader, Agent.ANONYMOUS, origin, operation.target()) : onTarget;
        return new Decision(onTarget, everyone);
    }

    /** ACL documents are governed by Control on their subject; .meta documents follow their subject. */
    private static Set<AccessMode> required(ResourcePath target, Set<AccessMode> modes) {
        return isAcl(target) ? Set.of(AccessMode.CONTROL) : modes;
    }

    private static boolean isAcl(ResourcePath path) {
        return path.isAuxiliary() && path.name().endsWith(".acl");
    }

    private static boolean grants(Set<AccessMode> have, Set<AccessMode> need) {
        for (AccessMode mode : need) {
            boolean ok = have.contains(mode) || mode == AccessMode.APPEND && have.contains(AccessMode.WRITE);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private Set<AccessMode> effective(StoreReader reader, Agent agent, String origin, ResourcePath target) {
        if (target.isServerRoot()) {
            return Set.of();
        }
        ResourcePath subject = target.isAuxiliary() ? target.auxiliarySubject() : target;
        Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
        boolean own = true;
        for (ResourcePath candidate = subject; ; candidate = candidate.parent(), own = false) {
            String aclIri = candidate.acl().iri(baseUrl);
            var acl = reader.meta(aclIri);
            if (acl.isPresent()) {
                String candidateIri = candidate.iri(baseUrl);
                for (Authorizations.Rule rule : authorizations(reader, acl.get()).rules()) {
                    boolean applies = own ? rule.accessTo().contains(candidateIri) : rule.defaults().contains(candidateIri);
                    if (applies && matches(reader, rule, agent, origin)) {
                        modes.addAll(rule.modes());
                    }
                }
                break;
            }
            if (candidate.isPodRoot() || candidate.segments().size() <= 1) {
                break;
            }
        }
        if (agent.isAuthenticated() && agent.webId().equals(ResourcePath.ownerWebId(baseUrl, subject.pod()))) {
            modes.add(AccessMode.CONTROL);
        }
        if (modes.contains(AccessMode.WRITE)) {
            modes.add(AccessMode.APPEND);
        }
        return Set.copyOf(modes);
    }

    private boolean matches(StoreReader reader, Authorizations.Rule rule, Agent agent, String origin) {
        if (!rule.origins().isEmpty() && origin != null && !rule.origins().contains(origin)) {
            return false;
        }
        if (rule.agentClasses().contains(Authorizations.FOAF_AGENT)) {
            return true;
        }
        if (!agent.isAuthenticated()) {
            return false;
        }
        if (rule.agentClasses().contains(Authorizations.AUTHENTICATED_AGENT) || rule.agents().contains(agent.webId())) {
            return true;
        }
        for (String group : rule.groups()) {
            if (group.startsWith(baseUrl) && isMember(reader, group, agent.webId())) {
                return true;
            }
        }
        return false;
    }

    /** Group documents in this server's pods; groups elsewhere are not fetched. */
    private static boolean isMember(StoreReader reader, String group, String webId) {
        int hash = group.indexOf('#');
        String document = hash < 0 ? group : group.substring(0, hash);
        return reader.contains(document, Triple.create(NodeFactory.createURI(group), NodeFactory.createURI(VCARD_HAS_MEMBER),
                NodeFactory.createURI(webId)));
    }

    private Authorizations authorizations(StoreReader reader, ResourceMeta acl) {
        String key = acl.iri() + " " + acl.version();
        Authorizations cached = parsed.get(key);
        if (cached != null) {
            return cached;
        }
        Graph graph = GraphFactory.createDefaultGraph();
        reader.triples(acl.iri()).forEachRemaining(graph::add);
        Authorizations fresh = Authorizations.parse(graph);
        if (parsed.size() >= CACHE_LIMIT) {
            parsed.clear();
        }
        parsed.put(key, fresh);
        return fresh;
    }

    private static String tokens(Set<AccessMode> modes) {
        StringBuilder out = new StringBuilder();
        for (AccessMode mode : AccessMode.values()) {
            if (modes.contains(mode)) {
                out.append(out.isEmpty() ? "" : " ").append(mode.token());
            }
        }
        return out.toString();
    }
}
