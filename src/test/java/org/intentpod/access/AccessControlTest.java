package org.intentpod.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.intentpod.DpopSession;
import org.intentpod.LivePodTest;
import org.intentpod.TestPod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Web Access Control: who may do what in alice's pod, decided before anything is read or written. */
class AccessControlTest extends LivePodTest {
    private static final String OFFER = """
            @prefix vrm: <https://w3id.org/intentpod/vrm#> . @prefix schema: <https://schema.org/> .
            <#it> a vrm:Offer ; vrm:answers <../intentions/plan#it> ; schema:offeredBy <https://telco.example/#me> ;
                schema:priceSpecification [ schema:price 15 ; schema:priceCurrency "EUR" ] ; vrm:state vrm:Proposed .
            """;
    private DpopSession bob;

    @BeforeAll
    void anotherAccount() {
        bob = pod.account("bob");
    }

    private HttpRequest.Builder at(String pathInPod) {
        return HttpRequest.newBuilder(URI.create(pod.url(pathInPod)));
    }

    private HttpResponse<String> as(DpopSession who, HttpRequest.Builder request) {
        return pod.sendAs(who, request.build());
    }

    private static HttpRequest.Builder turtle(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void privateDataIs401ForNobodyAnd403ForOthers() {
        HttpResponse<String> anonymous = as(null, at("intentions/"));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("DPoP"));
        assertEquals(403, as(bob, at("intentions/")).statusCode());
        assertEquals(200, pod.get(pod.url("intentions/"), "text/turtle").statusCode(), "the owner reads it");
        assertEquals(403, as(bob, at("intentions/does-not-exist")).statusCode(), "a refusal does not tell what exists");
        assertEquals(403, as(bob, turtle(at("data/planted"), "<#x> <http://ex.org/p> 1 .")).statusCode());
        assertEquals(403, as(bob, at("intentions/").DELETE()).statusCode());
        assertEquals(404, pod.get(pod.url("data/planted"), "text/turtle").statusCode(), "the refused write did nothing");
    }

    @Test
    void theProfileIsPublicAndSaysSoInWacAllow() {
        HttpResponse<String> card = as(null, at("profile/card"));
        assertEquals(200, card.statusCode());
        assertEquals("user=\"read\",public=\"read\"", card.headers().firstValue("WAC-Allow").orElseThrow());
        HttpResponse<String> mine = pod.send(at("profile/card"));
        assertEquals("user=\"read write append control\",public=\"read\"", mine.headers().firstValue("WAC-Allow").orElseThrow());
        assertTrue(mine.headers().allValues("Link").contains("<" + pod.url("profile/card.acl") + ">; rel=\"acl\""));
        HttpResponse<String> root = pod.send(at(""));
        assertTrue(root.headers().allValues("Link").contains("<" + pod.base() + TestPod.POD + "/profile/card#me>; rel=\"http://www.w3.org/ns/solid/terms#owner\""));
    }

    @Test
    void authenticatedAgentsMayAppendOffersToTheInboxButNotReadIt() {
        HttpResponse<String> delivered = as(bob, at("inbox/").header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(OFFER)));
        assertEquals(201, delivered.statusCode(), delivered.body());
        assertEquals(401, as(null, at("inbox/").header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(OFFER))).statusCode());
        assertEquals(403, as(bob, at("inbox/")).statusCode());
        String offer = delivered.headers().firstValue("Location").orElseThrow();
        assertEquals(403, as(bob, HttpRequest.newBuilder(URI.create(offer))).statusCode(), "append is not read");
        assertEquals(200, pod.get(offer, "text/turtle").statusCode());
        HttpResponse<String> slug = as(bob, at("inbox/").header("Content-Type", "text/turtle").header("Slug", "x.acl")
                .POST(HttpRequest.BodyPublishers.ofString(OFFER)));
        assertEquals(201, slug.statusCode());
        assertFalse(slug.headers().firstValue("Location").orElseThrow().endsWith(".acl"), "Slug never makes an ACL");
    }

    @Test
    void onlyControlReadsOrWritesAcls() {
        assertEquals(403, as(bob, at(".acl")).statusCode());
        assertEquals(403, as(bob, turtle(at("inbox/.acl"), "")).statusCode());
        assertEquals(401, as(null, at("profile/card.acl")).statusCode(), "a public resource's ACL is not public");
        assertEquals(200, pod.get(pod.url(".acl"), "text/turtle").statusCode());
    }

    @Test
    void aclsGrantAndInherit() {
        assertEquals(201, pod.put(pod.url("shared/notes/n1"), "text/turtle", "<#a> <http://ex.org/p> 1 .").statusCode());
        assertEquals(403, as(bob, at("shared/notes/n1")).statusCode());
        String acl = """
                @prefix acl: <http://www.w3.org/ns/auth/acl#> .
                <#owner> a acl:Authorization ; acl:agent <%s> ; acl:accessTo <./> ; acl:default <./> ; acl:mode acl:Read , acl:Write , acl:Control .
                <#bob> a acl:Authorization ; acl:agent <%s> ; acl:default <./> ; acl:mode acl:Read .
                """.formatted(pod.base() + TestPod.POD + "/profile/card#me", bob.webId());
        assertEquals(201, pod.put(pod.url("shared/.acl"), "text/turtle", acl).statusCode());
        assertEquals(200, as(bob, at("shared/notes/n1")).statusCode(), "acl:default reaches members, nested too");
        assertEquals(403, as(bob, at("shared/")).statusCode(), "acl:default alone does not cover the container itself");
        assertEquals(403, as(bob, turtle(at("shared/notes/n1"), "<#b> <http://ex.org/p> 2 .")).statusCode(), "read is not write");
    }

    @Test
    void groupsAndOriginsAreHonoured() {
        pod.put(pod.url("club/doc"), "text/turtle", "<#a> <http://ex.org/p> 1 .");
        pod.put(pod.url("groups/friends"), "text/turtle",
                "<#g> <http://www.w3.org/2006/vcard/ns#hasMember> <" + bob.webId() + "> .");
        String acl = """
                @prefix acl: <http://www.w3.org/ns/auth/acl#> .
                <#owner> a acl:Authorization ; acl:agent <%s> ; acl:accessTo <./> ; acl:default <./> ; acl:mode acl:Read , acl:Write , acl:Control .
                <#friends> a acl:Authorization ; acl:agentGroup <%s> ; acl:origin <https://app.example> ;
                    acl:default <./> ; acl:mode acl:Read .
                """.formatted(pod.base() + TestPod.POD + "/profile/card#me", pod.url("groups/friends#g"));
        assertEquals(201, pod.put(pod.url("club/.acl"), "text/turtle", acl).statusCode());
        assertEquals(200, as(bob, at("club/doc").header("Origin", "https://app.example")).statusCode());
        assertEquals(200, as(bob, at("club/doc")).statusCode(), "no Origin: not a browser app");
        assertEquals(403, as(bob, at("club/doc").header("Origin", "https://evil.example")).statusCode());
        DpopSession carol = pod.account("carol");
        assertEquals(403, as(carol, at("club/doc")).statusCode(), "not in the group");
    }

    @Test
    void theOwnerCannotLockThemselvesOut() {
        pod.put(pod.url("locked/doc"), "text/turtle", "<#a> <http://ex.org/p> 1 .");
        assertEquals(201, pod.put(pod.url("locked/.acl"), "text/turtle", "<#nothing> <http://ex.org/p> 1 .").statusCode());
        assertEquals(403, pod.get(pod.url("locked/doc"), "text/turtle").statusCode(), "the ACL grants nothing, not even to the owner");
        assertEquals(200, pod.get(pod.url("locked/.acl"), "text/turtle").statusCode(), "but Control remains, to repair it");
        assertEquals(204, pod.delete(pod.url("locked/.acl")).statusCode());
        assertEquals(200, pod.get(pod.url("locked/doc"), "text/turtle").statusCode(), "the root ACL's default applies again");
    }

    @Test
    void pathTricksCannotReachAnotherPod() {
        HttpResponse<String> sneaky = as(bob, HttpRequest.newBuilder(URI.create(pod.base() + "bob/%2e%2e/" + TestPod.POD + "/intentions/")));
        assertEquals(400, sneaky.statusCode());
    }
}
