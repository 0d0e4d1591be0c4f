package org.intentpod.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;

/**
 * Runs the Node.js scripts of {@code src/test/node}, which drive independent clients (Inrupt's library, a
 * real browser) against a test server. Their libraries are pinned in its {@code package-lock.json} and
 * installed with {@code npm ci} on first use.
 */
final class NodeScripts {
    private static final Path FOLDER = Path.of("src/test/node");

    private NodeScripts() {
    }

    static synchronized void install() throws IOException, InterruptedException {
        if (!Files.isDirectory(FOLDER.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(FOLDER.resolve("node_modules/@inrupt/solid-client-authn-browser"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
    }

    /** The JSON object a script prints on its last line. */
    static JSONObject runForJson(List<String> command) throws Exception {
        String output = run(command);
        String last = output.lines().reduce((a, b) -> b).orElseThrow(() -> new AssertionError(command + " printed nothing"));
        try {
            return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(last);
        } catch (Exception e) {
            throw new AssertionError(command + " did not end with JSON:\n" + output, e);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
