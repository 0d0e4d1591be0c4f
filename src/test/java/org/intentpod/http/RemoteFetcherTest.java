package org.intentpod.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Documents from other servers: only public addresses unless trusted, redirects checked too, bounded in time and size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteFetcherTest {
    private static final byte[] DOCUMENT = "<#me> <http://www.w3.org/ns/solid/terms#oidcIssuer> <https://idp.example/> .".getBytes(StandardCharsets.UTF_8);
    private Server server;
    private int port;
    private RemoteFetcher fetcher;

    @BeforeAll
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) throws Exception {
                switch (request.getHttpURI().getPath()) {
                    case "/card" -> {
                        response.getHeaders().put("Content-Type", "text/turtle");
                        response.write(true, java.nio.ByteBuffer.wrap(DOCUMENT), callback);
                    }
                    case "/to-loopback" -> Response.sendRedirect(request, response, callback, 302, "http://127.0.0.1:" + port + "/card", false);
                    case "/to-trusted" -> Response.sendRedirect(request, response, callback, 302, "http://localhost:" + port + "/card", false);
                    case "/loop" -> Response.sendRedirect(request, response, callback, 302, "/loop", false);
                    case "/large" -> response.write(true, java.nio.ByteBuffer.wrap(new byte[64 * 1024]), callback);
                    case "/slow" -> {
                        Thread.sleep(3_000);
                        response.write(true, java.nio.ByteBuffer.wrap(DOCUMENT), callback);
                    }
                    default -> Response.writeError(request, response, callback, 404);
                }
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
        fetcher = new RemoteFetcher(Set.of("localhost:" + port), Duration.ofMillis(1_000), 16 * 1024);
    }

    @AfterAll
    void stop() throws Exception {
        fetcher.close();
        server.stop();
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    @Test
    void aTrustedHostIsFetched() throws Exception {
        RemoteFetcher.Document document = fetcher.get(at("localhost", "/card"), "text/turtle");
        assertArrayEquals(DOCUMENT, document.body());
        assertEquals("text/turtle", document.contentType());
        assertEquals(at("localhost", "/card"), document.url());
    }

    @Test
    void aPrivateAddressIsNeverFetched() {
        RemoteFetcher.FetchException refused = assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(at("127.0.0.1", "/card"), "*/*"));
        assertTrue(refused.getMessage().contains("private"), refused.getMessage());
    }

    @Test
    void aRedirectIntoAPrivateAddressIsRefused() throws Exception {
        RemoteFetcher.FetchException refused = assertThrows(RemoteFetcher.FetchException.class,
                () -> fetcher.get(at("localhost", "/to-loopback"), "*/*"));
        assertTrue(refused.getMessage().contains("private"), refused.getMessage());
        assertEquals(at("localhost", "/card"), fetcher.get(at("localhost", "/to-trusted"), "*/*").url(), "a redirect within trusted hosts is followed");
    }

    @Test
    void sizeTimeAndRedirectsAreBounded() {
        assertTrue(assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(at("localhost", "/large"), "*/*")).getMessage().contains("too large"));
        assertTrue(assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(at("localhost", "/slow"), "*/*")).getMessage().contains("timed out"));
        assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(at("localhost", "/loop"), "*/*"));
        assertTrue(assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(at("localhost", "/missing"), "*/*")).getMessage().contains("404"));
        assertThrows(RemoteFetcher.FetchException.class, () -> fetcher.get(URI.create("file:///etc/passwd"), "*/*"));
    }

    @Test
    void publicMeansReachableFromTheInternet() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "198.18.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1"}) {
            assertFalse(RemoteFetcher.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
            assertTrue(RemoteFetcher.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
