package org.intentpod.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Fetches small documents from other servers (WebID profiles, an issuer's discovery and keys) without
 * becoming a way into the private network: every connection, redirects included, goes only to public
 * addresses unless its host and port are explicitly trusted (the configured issuers, this server). The
 * check sits in the client's address resolver, so the address checked is the address connected to: a
 * DNS answer that changes between check and connect cannot slip past it. Timeouts, a redirect limit and a
 * size limit bound what a slow or hostile server can cost.
 */
public final class RemoteFetcher implements AutoCloseable {
    private static final int MAX_REDIRECTS = 3;
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    /** A fetched document. */
    public record Document(URI url, String contentType, byte[] body) {
    }

    /** Why a document could not be had; the message is fit for an error response. */
    public static final class FetchException extends IOException {
        FetchException(String message) {
            super(message);
        }
    }

    /**
     * @param trustedAuthorities {@code host:port} pairs (lower case) that may resolve to private addresses
     */
    public RemoteFetcher(Set<String> trustedAuthorities, Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("intentpod-fetch");
        Scheduler scheduler = new ScheduledExecutorScheduler("intentpod-fetch-scheduler", true);
        this.client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(scheduler);
        client.setConnectTimeout(timeout.toMillis());
        client.setAddressResolutionTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        client.setFollowRedirects(true);
        client.setMaxRedirects(MAX_REDIRECTS);
        client.setSocketAddressResolver(new PublicOnly(new SocketAddressResolver.Async(threads, scheduler, timeout.toMillis()),
                Set.copyOf(trustedAuthorities)));
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "IntentPod"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
        }
    }

    /** The {@code host:port} a URL connects to, as {@link #RemoteFetcher} expects trusted ones. */
    public static String authority(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return authority(url.getHost(), port);
    }

    private static String authority(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** GET a document; anything but a 200 of at most the size limit is a {@link FetchException}. */
    public Document get(URI url, String accept) throws FetchException {
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw new FetchException("Only http(s) URLs are fetched, not " + url);
        }
        ContentResponse response;
        try {
            var request = client.newRequest(url).accept(accept).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            response = new CompletableResponseListener(request, maxBytes).send().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while fetching " + url);
        } catch (ExecutionException e) {
            throw new FetchException("Could not fetch " + url + ": " + describe(e.getCause()));
        }
        if (response.getStatus() != 200) {
            throw new FetchException("Fetching " + url + " answered " + response.getStatus());
        }
        URI finalUrl = response.getRequest().getURI();
        return new Document(finalUrl, response.getHeaders().get(HttpHeader.CONTENT_TYPE), response.getContent());
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            return "the document is too large";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client", e);
        }
    }

    /** Whether an address is reachable from the public internet (not loopback, private, link-local, CGNAT, ULA, ...). */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, 240/4 reserved.
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        // fc00::/7 unique local addresses; Java already maps ::ffff:a.b.c.d to an IPv4 address.
        return (bytes[0] & 0xfe) != 0xfc;
    }

    /** Resolves as usual, then keeps only public addresses unless the host and port are trusted. */
    private record PublicOnly(SocketAddressResolver resolver, Set<String> trusted) implements SocketAddressResolver {
        @Override
        public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
            resolver.resolve(host, port, context, Promise.from(addresses -> {
                if (trusted.contains(authority(host, port))) {
                    promise.succeeded(addresses);
                    return;
                }
                List<InetSocketAddress> allowed = addresses.stream().filter(a -> isPublic(a.getAddress())).toList();
                if (allowed.isEmpty()) {
                    promise.failed(new UnknownHostException(host + " resolves only to private addresses, which are never fetched"));
                } else {
                    promise.succeeded(allowed);
                }
            }, promise::failed));
        }
    }
}
