package org.intentpod.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Chromium logs a person in to an app on another site, clicking through the pod's login and consent
 * pages; the second time the session cookie (SameSite=Strict, so sent only after the pod's one-hop page)
 * and the remembered consent take the browser straight back to the app. Needs Chromium at
 * {@code /usr/bin/chromium} (or {@code CHROMIUM}); {@code .ci/run} installs it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserLoginTest {

    @Test
    void aPersonLogsInToAnAppOnAnotherSiteAndIsRememberedTheSecondTime() throws Exception {
        NodeScripts.install();
        try (TestPod pod = TestPod.start()) {
            JSONObject seen = NodeScripts.runForJson(List.of("node", "browser-login.mjs", pod.base(), TestPod.POD, TestPod.PASSWORD));
            assertNull(seen.get("error"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("loginPage"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("consentNamesApp"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("cookieHiddenFromScripts"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("firstCode"), seen.toJSONString());
            assertEquals(Boolean.TRUE, seen.get("secondStraightBack"), seen.toJSONString());
            assertEquals(List.of("/idp HttpOnly Strict", "/ui HttpOnly Strict"), seen.get("sessionCookies"), seen.toJSONString());
        }
    }
}
