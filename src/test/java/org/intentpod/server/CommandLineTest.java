package org.intentpod.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flags, then environment, then defaults. */
class CommandLineTest {

    private static ServerConfig parse(Map<String, String> env, String... args) throws CommandLine.UsageException {
        return CommandLine.parse(args, env).orElseThrow();
    }

    @Test
    void defaults() throws Exception {
        ServerConfig config = parse(Map.of());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertNull(config.baseUrl());
        assertEquals("http://localhost:8080/", config.baseUrlFor(8080));
        assertEquals(Path.of("data"), config.dataDir());
        assertTrue(config.demo());
        assertEquals(10L * 1024 * 1024, config.maxRdfBody());
    }

    @Test
    void flagsWinOverEnvironment() throws Exception {
        Map<String, String> env = Map.of("INTENTPOD_PORT", "9000", "INTENTPOD_DATA", "/srv/pods", "INTENTPOD_POD", "ann,bob");
        ServerConfig fromEnv = parse(env);
        assertEquals(9000, fromEnv.port());
        assertEquals(List.of("ann", "bob"), fromEnv.pods());
        ServerConfig fromFlags = parse(env, "--port", "9100", "--pod=carl", "--pod", "dora", "--base-url", "https://Pods.Example.org");
        assertEquals(9100, fromFlags.port());
        assertEquals(List.of("carl", "dora"), fromFlags.pods());
        assertEquals("https://pods.example.org/", fromFlags.baseUrl());
        assertEquals(Path.of("/srv/pods"), fromFlags.dataDir());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--nope", "--port", "--port=http", "--port=70000", "--pod=Bad_Name", "--pod=idp", "--demo=maybe",
        "--base-url=ftp://x/", "--base-url=http://x/sub/", "--max-rdf-body=0", "--trusted-issuer=ftp://x/", "--bearer-tokens=maybe"})
    void badFlagsSayWhatIsWrong(String arg) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class, () -> parse(Map.of(), arg));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void helpListsEveryFlag() throws Exception {
        assertTrue(CommandLine.parse(new String[] {"--help"}, Map.of()).isEmpty());
        for (String flag : List.of("--port", "--host", "--base-url", "--data", "--pod", "--demo", "--max-rdf-body", "--max-blob-body", "--argon2-memory",
            "--argon2-iterations", "--max-login-failures", "--rotate-signing-key", "--trusted-issuer", "--bearer-tokens", "--require-proof-ath")) {
            assertTrue(CommandLine.usage().contains(flag), flag);
        }
    }
}
