package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.intentpod.DpopSession;
import org.intentpod.TestPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Tokens from another Solid-OIDC issuer: accepted only where that issuer is configured as trusted, with
 * its keys found through its discovery document and the WebID's profile fetched to confirm it names that
 * issuer. Three real servers: carol's home server, one that trusts it, and one that does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrustedIssuerTest {
    private TestPod home;
    private TestPod trusting;
    private TestPod stranger;
    private DpopSession carol;
    private String shared;

    @BeforeAll
    void threeServers() {
        home = TestPod.start();
        trusting = TestPod.start(identity -> identity.withTrustedIssuers(List.of(home.base())));
        stranger = TestPod.start();
        carol = home.account("carol");
        shared = trusting.url("notes/shared");
        assertEquals(201, trusting.put(shared, "text/turtle", "<#note> <http://schema.org/text> \"for carol\" .").statusCode());
        String acl = """
                @prefix acl: <http://www.w3.org/ns/auth/acl#> .
                <#owner> a acl:Authorization ; acl:agent <%s> ; acl:accessTo <shared> ; acl:mode acl:Read, acl:Write, acl:Control .
                <#carol> a acl:Authorization ; acl:agent <%s> ; acl:accessTo <shared> ; acl:mode acl:Read .
                """.formatted(trusting.base() + TestPod.POD + "/profile/card#me", carol.webId());
        assertEquals(201, trusting.put(shared + ".acl", "text/turtle", acl).statusCode());
    }

    @AfterAll
    void stopAll() {
        for (TestPod pod : new TestPod[] {home, trusting, stranger}) {
            if (pod != null) {
                pod.close();
            }
        }
    }

    private HttpResponse<String> as(DpopSession who, TestPod on, HttpRequest.Builder request) {
        return on.sendAs(who, request.build());
    }

    @Test
    void aTrustedIssuersUserGetsWhatTheAclGivesHer() {
        HttpResponse<String> read = as(carol, trusting, trusting.request(shared).header("Accept", "text/turtle"));
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("for carol"));
        assertEquals("user=\"read\",public=\"\"", read.headers().firstValue("WAC-Allow").orElseThrow());
        HttpResponse<String> write = as(carol, trusting, trusting.request(shared).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<#note> <http://schema.org/text> \"overwritten\" .")));
        assertEquals(403, write.statusCode(), "authenticated, but the ACL gives her Read only");
    }

    @Test
    void anIssuerNobodyTrustedIsRefused() {
        String elsewhere = stranger.url("profile/card");
        HttpResponse<String> refused = as(carol, stranger, stranger.request(elsewhere));
        assertEquals(401, refused.statusCode());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("invalid_token") && challenge.contains("not accepted"), challenge);
    }

    @Test
    void aWebIdThatDoesNotNameTheIssuerIsRefused() {
        DpopSession dave = home.account("dave");
        String card = home.base() + "dave/profile/card";
        assertEquals(200, as(dave, home, home.request(card)).statusCode(), "dave's token is verified at home first");
        String unlist = "DELETE DATA { <" + dave.webId() + "> <http://www.w3.org/ns/solid/terms#oidcIssuer> <" + home.base() + "> }";
        HttpResponse<String> edited = as(dave, home, home.request(card).header("Content-Type", "application/sparql-update")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(unlist)));
        assertEquals(204, edited.statusCode(), edited.body());
        HttpResponse<String> refused = as(dave, trusting, HttpRequest.newBuilder(URI.create(shared)));
        assertEquals(401, refused.statusCode());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("does not list"), challenge);
    }
}
