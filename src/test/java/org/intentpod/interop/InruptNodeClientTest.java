package org.intentpod.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inrupt's Node library ({@code @inrupt/solid-client-authn-node}), the client most Solid apps log in with,
 * goes through the whole browser flow against a real server: discovery, dynamic client registration,
 * authorization with PKCE, the login and consent forms (played by its script as a browser would), the code
 * exchanged for DPoP-bound tokens, and a private resource read with its own proofs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InruptNodeClientTest {

    @Test
    void logsInThroughTheBrowserFlowAndReadsAPrivateResource() throws Exception {
        NodeScripts.install();
        try (TestPod pod = TestPod.start(identity -> identity.withProofAthRequired(false))) {
            assertEquals(201, pod.put(pod.url("notes/for-node"), "text/turtle", "<#it> <http://schema.org/text> \"only for alice\" .").statusCode());
            JSONObject result = NodeScripts.runForJson(List.of("node", "inrupt-login.mjs", pod.base(), TestPod.POD, TestPod.PASSWORD,
                    pod.url("notes/for-node")));
            assertEquals(Boolean.TRUE, result.get("loggedIn"), result.toJSONString());
            assertEquals(pod.base() + TestPod.POD + "/profile/card#me", result.get("webId"));
            assertEquals(200, ((Number) result.get("status")).intValue(), result.toJSONString());
            assertTrue(((String) result.get("body")).contains("only for alice"), result.toJSONString());
        }
    }
}
