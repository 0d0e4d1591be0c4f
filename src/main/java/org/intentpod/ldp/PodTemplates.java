package org.intentpod.ldp;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.intentpod.shapes.ShapeLibrary;

/** The documents a new pod starts with, as Turtle relative to each document's own IRI. */
final class PodTemplates {
    private static final String PREFIXES = """
            @prefix acl: <http://www.w3.org/ns/auth/acl#> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix ldp: <http://www.w3.org/ns/ldp#> .
            @prefix pim: <http://www.w3.org/ns/pim/space#> .
            @prefix schema: <https://schema.org/> .
            @prefix solid: <http://www.w3.org/ns/solid/terms#> .
            @prefix vrm: <%s> .
            """.formatted(ShapeLibrary.VRM);

    private PodTemplates() {
    }

    static List<PodProvisioner.Document> documents(String baseUrl, String pod, String displayName, String webId, boolean vendor,
            boolean publicRead) {
        String podIri = baseUrl + pod + "/";
        String name = NodeFmtLib.strNT(NodeFactory.createLiteralString(displayName));
        List<PodProvisioner.Document> documents = new ArrayList<>();
        documents.add(doc("profile/card", """
                <> a foaf:PersonalProfileDocument ; foaf:maker <#me> ; foaf:primaryTopic <#me> .
                <#me> a %s , schema:%s ;
                    foaf:name %s ;
                    solid:oidcIssuer <%s> ;
                    pim:storage <%s> ;
                    ldp:inbox <%sinbox/> ;
                    pim:preferencesFile <%ssettings/prefs.ttl> ;
                    solid:publicTypeIndex <%ssettings/publicTypeIndex.ttl> ;
                    solid:privateTypeIndex <%ssettings/privateTypeIndex.ttl> .
                """.formatted(vendor ? "vrm:Vendor" : "foaf:Person", vendor ? "Organization" : "Person", name, baseUrl, podIri, podIri,
                podIri, podIri, podIri)));
        documents.add(doc("profile/card.acl", owner(webId, "<card>", false) + """
                <#public> a acl:Authorization ; acl:agentClass foaf:Agent ; acl:accessTo <card> ; acl:mode acl:Read .
                """));
        documents.add(doc("settings/prefs.ttl", """
                <> a pim:ConfigurationFile .
                <%s> solid:privateTypeIndex <privateTypeIndex.ttl> ; solid:publicTypeIndex <publicTypeIndex.ttl> .
                """.formatted(webId)));
        documents.add(doc("settings/publicTypeIndex.ttl", "<> a solid:TypeIndex , solid:ListedDocument .\n"));
        documents.add(doc("settings/publicTypeIndex.ttl.acl", owner(webId, "<publicTypeIndex.ttl>", false) + """
                <#public> a acl:Authorization ; acl:agentClass foaf:Agent ; acl:accessTo <publicTypeIndex.ttl> ; acl:mode acl:Read .
                """));
        StringBuilder privateIndex = new StringBuilder("<> a solid:TypeIndex , solid:UnlistedDocument .\n");
        privateIndex.append("<#offers> a solid:TypeRegistration ; solid:forClass vrm:Offer ; solid:instanceContainer <%sinbox/> .\n"
                .formatted(podIri));
        if (!vendor) {
            privateIndex.append("""
                    <#intentions> a solid:TypeRegistration ; solid:forClass vrm:Intention ; solid:instanceContainer <%sintentions/> .
                    <#grants> a solid:TypeRegistration ; solid:forClass vrm:AccessGrant ; solid:instanceContainer <%sgrants/> .
                    <#data> a solid:TypeRegistration ; solid:forClass vrm:UsageSummary ; solid:instanceContainer <%sdata/> .
                    """.formatted(podIri, podIri, podIri));
        }
        documents.add(doc("settings/privateTypeIndex.ttl", privateIndex.toString()));
        documents.add(doc(".acl", owner(webId, "<./>", true) + (publicRead ? """
                <#public> a acl:Authorization ; acl:agentClass foaf:Agent ; acl:accessTo <./> ; acl:default <./> ; acl:mode acl:Read .
                """ : "")));
        documents.add(doc("inbox/.acl", owner(webId, "<./>", true) + """
                <#deliver> a acl:Authorization ; acl:agentClass acl:AuthenticatedAgent ;
                    acl:accessTo <./> ; acl:default <./> ; acl:mode acl:Append .
                """));
        return documents;
    }

    private static String owner(String webId, String target, boolean inherited) {
        return "<#owner> a acl:Authorization ; acl:agent <" + webId + "> ; acl:accessTo " + target
                + (inherited ? " ; acl:default " + target : "") + " ;\n    acl:mode acl:Read , acl:Write , acl:Control .\n";
    }

    private static PodProvisioner.Document doc(String path, String body) {
        return new PodProvisioner.Document(path, PREFIXES + body);
    }
}
