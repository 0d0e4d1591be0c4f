package org.intentpod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.intentpod.auth.IdentityConfig;
import org.intentpod.server.PodServer;
import org.intentpod.server.ServerConfig;
import org.intentpod.server.StartupException;

/**
 * A real server on a free loopback port with TDB2 in a temporary folder, and an HTTP client to talk to it.
 * The test pod's owner is a registered account, and requests are sent as that owner (DPoP token and a
 * fresh proof each) unless they carry their own Authorization or are sent anonymously.
 * Restarts reuse the port and the folder, as a real restart would.
 */
public final class TestPod implements AutoCloseable {
    public static final String POD = "alice";
    public static final String PASSWORD = "correct horse battery";
    /** A pod made with --pod: it has no account, so nobody can log in as its owner. */
    public static final String UNOWNED_POD = "unowned";
    private final Path dataDir;
    private final int port;
    private final UnaryOperator<IdentityConfig> identity;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PodServer server;
    private DpopSession owner;

    private TestPod(Path dataDir, int port, UnaryOperator<IdentityConfig> identity) {
        this.dataDir = dataDir;
        this.port = port;
        this.identity = identity;
    }

    public static TestPod start() {
        return start(UnaryOperator.identity());
    }

    /** A test pod whose identity settings differ from the harness's, e.g. trusting another issuer. */
    public static TestPod start(UnaryOperator<IdentityConfig> identity) {
        try {
            TestPod pod = new TestPod(Files.createTempDirectory("intentpod-test"), freePort(), identity);
            pod.startServer();
            pod.owner = pod.account(POD);
            return pod;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        server.stop();
        startServer();
    }

    private void startServer() {
        try {
            server = PodServer.start(config(null));
        } catch (StartupException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failed logins a test may make before the throttle answers 429 (the throttle test trips it on purpose). */
    public static final int MAX_LOGIN_FAILURES = 5;

    /** The configuration this harness starts with, optionally with an explicit base URL; cheap password hashing. */
    public ServerConfig config(String baseUrl) {
        return new ServerConfig("127.0.0.1", port, baseUrl, dataDir, List.of(UNOWNED_POD), false, 64 * 1024, 256 * 1024,
                identity.apply(new IdentityConfig(1024, 1, MAX_LOGIN_FAILURES, false, List.of(), false, true)));
    }

    public void stop() {
        server.stop();
    }

    public String base() {
        return server.baseUrl();
    }

    /** An IRI in the test pod, e.g. {@code url("notes/a.ttl")}. */
    public String url(String pathInPod) {
        return base() + POD + "/" + pathInPod;
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    /** Registers (or logs in) an account with the test password and returns its session. */
    public DpopSession account(String username) {
        try {
            return DpopSession.register(client, base(), username, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends as the pod's owner, unless the request brings its own Authorization. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        return built.headers().firstValue("Authorization").isPresent() ? sendAnonymously(built) : sendAs(owner, built);
    }

    /** Sends as an account (or anonymously when the session is null). */
    public HttpResponse<String> sendAs(DpopSession session, HttpRequest request) {
        try {
            return sendAnonymously(session == null ? request : session.sign(request));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> sendAnonymously(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String url, String accept) {
        return send(request(url).header("Accept", accept).GET());
    }

    public HttpResponse<String> put(String url, String contentType, String body) {
        return send(request(url).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> patch(String url, String contentType, String body) {
        return send(request(url).header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public HttpResponse<String> delete(String url) {
        return send(request(url).DELETE());
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.stop();
        deleteTree(dataDir);
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
