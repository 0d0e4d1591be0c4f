package org.intentpod.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/** The acl:Authorization statements of one ACL document, parsed once per version of it. */
final class Authorizations {
    private static final Node AUTHORIZATION = NodeFactory.createURI(AccessMode.ACL + "Authorization");
    private static final Node ACCESS_TO = NodeFactory.createURI(AccessMode.ACL + "accessTo");
    private static final Node DEFAULT = NodeFactory.createURI(AccessMode.ACL + "default");
    private static final Node AGENT = NodeFactory.createURI(AccessMode.ACL + "agent");
    private static final Node AGENT_CLASS = NodeFactory.createURI(AccessMode.ACL + "agentClass");
    private static final Node AGENT_GROUP = NodeFactory.createURI(AccessMode.ACL + "agentGroup");
    private static final Node ORIGIN = NodeFactory.createURI(AccessMode.ACL + "origin");
    private static final Node MODE = NodeFactory.createURI(AccessMode.ACL + "mode");
    static final String FOAF_AGENT = "http://xmlns.com/foaf/0.1/Agent";
    static final String AUTHENTICATED_AGENT = AccessMode.ACL + "AuthenticatedAgent";

    /** One authorization: whom it is for, where it applies, and what it allows. */
    record Rule(Set<String> accessTo, Set<String> defaults, Set<String> agents, Set<String> agentClasses, Set<String> groups,
            Set<String> origins, Set<AccessMode> modes) {
    }

    private final List<Rule> rules;

    private Authorizations(List<Rule> rules) {
        this.rules = rules;
    }

    List<Rule> rules() {
        return rules;
    }

    static Authorizations parse(Graph acl) {
        List<Rule> rules = new ArrayList<>();
        for (Node auth : acl.find(Node.ANY, RDF.type.asNode(), AUTHORIZATION).mapWith(t -> t.getSubject()).toList()) {
            Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
            for (Node mode : objects(acl, auth, MODE)) {
                for (AccessMode m : AccessMode.values()) {
                    if (m.iri().equals(mode.toString())) {
                        modes.add(m);
                    }
                }
            }
            rules.add(new Rule(iris(acl, auth, ACCESS_TO), iris(acl, auth, DEFAULT), iris(acl, auth, AGENT), iris(acl, auth, AGENT_CLASS),
                    iris(acl, auth, AGENT_GROUP), iris(acl, auth, ORIGIN), Set.copyOf(modes)));
        }
        return new Authorizations(List.copyOf(rules));
    }

    private static List<Node> objects(Graph graph, Node subject, Node predicate) {
        return graph.find(subject, predicate, Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    private static Set<String> iris(Graph graph, Node subject, Node predicate) {
        Set<String> iris = new java.util.HashSet<>();
        for (Node node : objects(graph, subject, predicate)) {
            if (node.isURI()) {
                iris.add(node.getURI());
            }
        }
        return Set.copyOf(iris);
    }
}
