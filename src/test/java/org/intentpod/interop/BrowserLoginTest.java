package org.intentpod.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Chromium logs a person in to apps on another site, clicking through the pod's login and consent
 * pages: a bare app, which the second time the session cookie (SameSite=Strict, so sent only after the
 * pod's one-hop page) and the remembered consent take straight back; and an app built on Inrupt's browser
 * library, which registers itself, exchanges its code across origins and reads with DPoP (its proofs carry
 * no {@code ath}, so that server does not require one). Needs Chromium at {@code /usr/bin/chromium} (or
 * {@code CHROMIUM}); {@code .ci/run} installs it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserLoginTest {

    @Test
    void aPersonLogsInToAnAppOnAnotherSiteAndIsRememberedTheSecondTime() throws Exception {
        NodeScripts.install();
        try (TestPod pod = TestPod.start()) {
            JSONObject seen = NodeScripts.runForJson(List.of("node", "browser-login.mjs", pod.base(), TestPod.POD, TestPod.PASSWORD));
            assertNull(seen.get("error"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("consentNamesApp"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("cookieHiddenFromScripts"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("firstCode"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("secondStraightBack"), seen.toJSONString());
            assertEquals(List.of("/idp HttpOnly Strict", "/ui HttpOnly Strict"), seen.get("sessionCookies"), seen.toJSONString());
        }
    }

    @Test
    void inruptsBrowserLibraryLogsInAndReadsAPrivateResource() throws Exception {
        NodeScripts.install();
        try (TestPod pod = TestPod.start(identity -> identity.withProofAthRequired(false))) {
            assertEquals(201, pod.put(pod.url("notes/for-browser"), "text/turtle", "<#it> <http://schema.org/text> \"seen in a browser\" .")
                    .statusCode());
            JSONObject seen = NodeScripts.runForJson(List.of("node", "inrupt-browser-login.mjs", pod.base(), TestPod.POD, TestPod.PASSWORD,
                    pod.url("notes/for-browser")));
            assertNull(seen.get("error"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("consentNamesApp"), seen.toJSONString());
            assertEquals(pod.base() + TestPod.POD + "/profile/card#me", seen.get("webId"), seen.toJSONString());
            assertEquals(200, ((Number) seen.get("status")).intValue(), seen.toJSONString());
            assertTrue(((String) seen.get("body")).contains("seen in a browser"), seen.toJSONString());
        }
    }
}
