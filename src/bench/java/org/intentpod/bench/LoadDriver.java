package org.intentpod.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.intentpod.auth.IdentityConfig;
import org.intentpod.server.PodServer;
import org.intentpod.server.ServerConfig;
import org.intentpod.store.ResourceKind;
import org.intentpod.store.ResourceMeta;
import org.intentpod.store.TdbPodStore;

/**
 * The pod server's load driver. In one process it measures GET and PUT of a 1 KB Turtle resource against
 * the same bytes served by a bare Jetty handler (the HTTP ceiling on this machine), at concurrency 1 and
 * 32, and the time to first byte and peak heap of listing a large container as Turtle and N-Triples.
 * Run it with {@code pod-server/bench [--seconds S] [--warmup S] [--members N]}.
 */
public final class LoadDriver {
    private static final String POD = "bench";
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final org.eclipse.jetty.client.HttpClient loadClient = new org.eclipse.jetty.client.HttpClient();
    private final int seconds;
    private final int warmup;
    private final int members;

    private LoadDriver(int seconds, int warmup, int members) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.members = members;
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 5);
        int warmup = intArg(args, "--warmup", 3);
        int members = intArg(args, "--members", 100_000);
        new LoadDriver(seconds, warmup, members).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Files.createTempDirectory("intentpod-bench");
        int port = freePort();
        String base = "http://localhost:" + port + "/";
        seedLargeContainers(data, base);
        PodServer pod = PodServer.start(new ServerConfig("127.0.0.1", port, null, data, List.of(), false, 10 << 20, 1 << 30,
                new IdentityConfig(19456, 2, 10, false, List.of(), false, true)));
        byte[] turtle = oneKilobyteOfTurtle();
        String resource = base + POD + "/r/doc.ttl";
        check(send(HttpRequest.newBuilder(URI.create(resource)).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(turtle)).build()), resource);
        byte[] served = client.send(HttpRequest.newBuilder(URI.create(resource)).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Server bare = bareHandler(served);
        loadClient.setMaxConnectionsPerDestination(64);
        loadClient.start();
        String bareUrl = "http://localhost:" + ((ServerConnector) bare.getConnectors()[0]).getLocalPort() + "/doc.ttl";

        System.out.printf(Locale.ROOT, "IntentPod load driver: %d s per run after %d s warm-up, %d cores, Java %s%n",
                seconds, warmup, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf(Locale.ROOT, "1 KB Turtle resource (%d bytes as served)%n%n", served.length);
        System.out.printf(Locale.ROOT, "%-34s %6s %12s %10s %10s %10s%n", "run", "conc.", "req/s", "p50 ms", "p99 ms", "vs bare");
        for (int concurrency : new int[] {1, 32}) {
            Stats ceiling = load(concurrency, worker -> get(bareUrl));
            Stats getPod = load(concurrency, worker -> get(resource));
            Stats putPod = load(concurrency, worker -> loadClient.newRequest(base + POD + "/w/doc-" + worker + ".ttl").method("PUT")
                    .body(new BytesRequestContent("text/turtle", turtle)).send().getStatus());
            print("bare Jetty handler, same bytes", concurrency, ceiling, ceiling);
            print("pod GET", concurrency, getPod, ceiling);
            print("pod PUT", concurrency, putPod, ceiling);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %10s %12s %12s %14s%n", "container listing", "members", "first byte", "whole", "live heap");
        for (String type : List.of("text/turtle", "application/n-triples")) {
            // warm-up, like every other measurement here: the listing code path JIT-compiled before timing
            client.send(HttpRequest.newBuilder(URI.create(base + POD + "/big-" + members / 10 + "/")).header("Accept", type).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        for (int size : new int[] {members / 10, members}) {
            for (String type : List.of("text/turtle", "application/n-triples")) {
                listing(base + POD + "/big-" + size + "/", type, size);
            }
        }
        loadClient.stop();
        bare.stop();
        pod.stop();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Seeds containers of members/10 and members children, each in one transaction, straight into the store. */
    private void seedLargeContainers(Path data, String base) {
        try (TdbPodStore store = TdbPodStore.open(data.resolve("tdb2"))) {
            Instant now = Instant.now();
            store.write(w -> {
                w.putMeta(ResourceMeta.rdf(base + POD + "/", ResourceKind.CONTAINER, "1", now, null));
                // The load is anonymous: an ACL opens the bench pod to everyone, so every request is authorized like any other.
                w.putMeta(ResourceMeta.rdf(base + POD + "/.acl", ResourceKind.RDF_SOURCE, "1", now, null));
                Graph acl = GraphFactory.createDefaultGraph();
                RDFParser.fromString("""
                        @prefix acl: <http://www.w3.org/ns/auth/acl#> .
                        <#open> a acl:Authorization ; acl:agentClass <http://xmlns.com/foaf/0.1/Agent> ;
                            acl:accessTo <./> ; acl:default <./> ; acl:mode acl:Read , acl:Write .
                        """, Lang.TURTLE).base(base + POD + "/.acl").parse(acl);
                w.replaceTriples(base + POD + "/.acl", acl);
                return null;
            });
            for (int size : new int[] {members / 10, members}) {
                String container = base + POD + "/big-" + size + "/";
                store.write(w -> {
                    w.putMeta(ResourceMeta.rdf(container, ResourceKind.CONTAINER, "1", now, base + POD + "/"));
                    for (int i = 0; i < size; i++) {
                        w.putMeta(ResourceMeta.rdf(container + "member-" + i, ResourceKind.RDF_SOURCE, "1", now, container));
                    }
                    return null;
                });
            }
        }
    }

    /**
     * Time to first byte and to the end, and the heap a listing keeps alive: the live heap (after a full GC)
     * once 256 KiB have been read, while the server is still writing, minus the live heap before. Client and
     * server share this JVM, so a server that built the whole listing in memory would show it here.
     */
    private void listing(String url, String type, int size) throws Exception {
        long before = liveHeap();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", type).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        long firstByte;
        long duringListing;
        try (InputStream body = response.body()) {
            check(response.statusCode(), url);
            if (body.read() < 0) {
                throw new IllegalStateException("empty listing");
            }
            firstByte = System.nanoTime() - start;
            bytes = 1 + body.readNBytes(256 * 1024).length;
            duringListing = liveHeap();
            bytes += body.transferTo(OutputStreamSink.INSTANCE);
        }
        long whole = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "%-34s %10d %9.1f ms %9.1f ms %11.2f MiB   (%d KiB)%n", type, size, firstByte / 1e6, whole / 1e6,
                (duringListing - before) / 1048576.0, bytes / 1024);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** One request by one worker, answering its status. */
    private interface Call {
        int send(int worker) throws Exception;
    }

    private Stats load(int concurrency, Call call) throws Exception {
        run(concurrency, call, warmup);
        return run(concurrency, call, seconds);
    }

    private Stats run(int concurrency, Call call, int runSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + runSeconds * 1_000_000_000L;
        List<Future<long[]>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    check(call.send(worker), "worker " + worker);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] l = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + l.length);
            System.arraycopy(l, 0, merged, all.length, l.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new Stats(all.length / (double) runSeconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String url) throws Exception {
        return loadClient.newRequest(url).headers(h -> h.put("Accept", "text/turtle")).send().getStatus();
    }

    private static void check(int status, String url) {
        if (status / 100 != 2) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void print(String name, int concurrency, Stats stats, Stats ceiling) {
        System.out.printf(Locale.ROOT, "%-34s %6d %12.0f %10.2f %10.2f %9.2fx%n", name, concurrency, stats.perSecond(), stats.p50(), stats.p99(),
                stats.perSecond() / ceiling.perSecond());
    }

    /** The HTTP ceiling: Jetty on the same thread pool setup, returning the pod's bytes from memory. */
    private static Server bareHandler(byte[] body) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("Content-Type", "text/turtle; charset=utf-8");
                response.getHeaders().put("Content-Length", body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    private static byte[] oneKilobyteOfTurtle() {
        StringBuilder turtle = new StringBuilder("@prefix schema: <https://schema.org/> .\n<#usage> a schema:Dataset ;\n");
        for (int month = 1; turtle.length() < 1000; month++) {
            turtle.append("  schema:variableMeasured \"2025-").append(String.format(Locale.ROOT, "%02d", month % 12 + 1))
                    .append(" data 12.5 GB, 340 min\" ;\n");
        }
        return turtle.append("  schema:name \"Mobile usage\" .\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private record Stats(double perSecond, double p50, double p99) {
    }

    /** Discards what it is given: the driver drains bodies without keeping them. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
