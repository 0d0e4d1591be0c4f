package org.intentpod.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.intentpod.TestPod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inrupt's Node library ({@code @inrupt/solid-client-authn-node}), the client most Solid apps log in with,
 * goes through the whole browser flow against a real server: discovery, dynamic client registration,
 * authorization with PKCE, the login and consent forms (played by its script as a browser would), the code
 * exchanged for DPoP-bound tokens, and a private resource read with its own proofs. The library is pinned in
 * {@code src/test/node/package-lock.json} and installed with {@code npm ci} on first use.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InruptNodeClientTest {
    private static final Path SCRIPTS = Path.of("src/test/node");

    @Test
    void logsInThroughTheBrowserFlowAndReadsAPrivateResource() throws Exception {
        installLibrary();
        try (TestPod pod = TestPod.start(identity -> identity.withProofAthRequired(false))) {
            assertEquals(201, pod.put(pod.url("notes/for-node"), "text/turtle", "<#it> <http://schema.org/text> \"only for alice\" .").statusCode());
            String output = run(List.of("node", "inrupt-login.mjs", pod.base(), TestPod.POD, TestPod.PASSWORD, pod.url("notes/for-node")));
            JSONObject result = (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(output.lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(Boolean.TRUE, result.get("loggedIn"), output);
            assertEquals(pod.base() + TestPod.POD + "/profile/card#me", result.get("webId"));
            assertEquals(200, ((Number) result.get("status")).intValue(), output);
            assertTrue(((String) result.get("body")).contains("only for alice"), output);
        }
    }

    private static void installLibrary() throws Exception {
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/@inrupt/solid-client-authn-node"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
