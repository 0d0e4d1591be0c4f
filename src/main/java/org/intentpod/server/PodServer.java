package org.intentpod.server;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.intentpod.access.WebAccessControl;
import org.intentpod.auth.IdentityProvider;
import org.intentpod.auth.SigningKeys;
import org.intentpod.http.Cors;
import org.intentpod.http.ProblemErrorHandler;
import org.intentpod.http.RemoteFetcher;
import org.intentpod.ldp.LdpContext;
import org.intentpod.ldp.LdpHandler;
import org.intentpod.ldp.PodProvisioner;
import org.intentpod.ldp.RdfInput;
import org.intentpod.shapes.ShapeLibrary;
import org.intentpod.shapes.ShapeValidator;
import org.intentpod.store.BlobStore;
import org.intentpod.store.PodStore;
import org.intentpod.store.StoreReader;
import org.intentpod.store.TdbPodStore;
import org.intentpod.ui.HomePage;
import org.intentpod.vrm.DemoPod;
import org.intentpod.vocab.ShapesHandler;
import org.intentpod.vocab.VocabularyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server: Jetty on virtual threads in front of the store, wired from a {@link ServerConfig}. */
public final class PodServer {
    private static final Logger LOG = LoggerFactory.getLogger(PodServer.class);
    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final int FETCH_MAX_BYTES = 256 * 1024;
    private final Server jetty;
    private final PodStore store;
    private final RemoteFetcher fetcher;
    private final String baseUrl;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private PodServer(Server jetty, PodStore store, RemoteFetcher fetcher, String baseUrl, int port) {
        this.jetty = jetty;
        this.store = store;
        this.fetcher = fetcher;
        this.baseUrl = baseUrl;
        this.port = port;
    }

    public static PodServer start(ServerConfig config) throws StartupException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("intentpod");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        PodStore store = null;
        RemoteFetcher fetcher = null;
        try {
            // Bind first: with port 0 the default base URL depends on the port we get.
            connector.open();
            int port = connector.getLocalPort();
            String baseUrl = config.baseUrlFor(port);
            BaseUrlLock.claim(config.dataDir(), baseUrl);
            store = TdbPodStore.open(config.dataDir().resolve("tdb2"));
            BlobStore blobs = new BlobStore(config.dataDir().resolve("blobs"));
            sweepBlobs(store, blobs);
            ShapeLibrary shapes = ShapeLibrary.load(baseUrl);
            RdfInput rdfInput = new RdfInput(Map.of(ShapeLibrary.VOCABULARY_IRI + ".jsonld", shapes.context(), baseUrl + "ns/vrm.jsonld", shapes.context()));
            LdpContext ldp = new LdpContext(store, blobs, baseUrl, config.maxRdfBody(), config.maxBlobBody(), Clock.systemUTC(), rdfInput, shapes,
                    new ShapeValidator(shapes), new WebAccessControl(store, baseUrl));
            PodProvisioner provisioner = new PodProvisioner(ldp);
            provision(config, store, provisioner);
            SigningKeys keys = config.identity().rotateSigningKey() ? SigningKeys.rotate(config.dataDir()) : SigningKeys.load(config.dataDir());
            fetcher = remoteFetcher(config, baseUrl);
            IdentityProvider identity = new IdentityProvider(config.identity(), baseUrl, store, keys, provisioner, fetcher, rdfInput, Clock.systemUTC());
            jetty.setHandler(new GracefulHandler(Cors.wrap(new RootHandler(baseUrl, new HomePage(baseUrl), new LdpHandler(ldp),
                    new VocabularyHandler(shapes), new ShapesHandler(shapes), identity.handler(), identity.authenticator()))));
            jetty.setErrorHandler(new ProblemErrorHandler());
            jetty.setStopTimeout(STOP_TIMEOUT_MS);
            jetty.start();
            LOG.info("IntentPod serving {} on {}:{} with data in {}", baseUrl, config.host(), port, config.dataDir().toAbsolutePath());
            return new PodServer(jetty, store, fetcher, baseUrl, port);
        } catch (StartupException e) {
            abandon(jetty, connector, store, fetcher);
            throw e;
        } catch (Exception e) {
            abandon(jetty, connector, store, fetcher);
            throw new StartupException("Could not start on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
    }

    /** Fetches other servers' documents; the configured issuers and this server may be on private addresses. */
    private static RemoteFetcher remoteFetcher(ServerConfig config, String baseUrl) {
        Set<String> trusted = new HashSet<>();
        trusted.add(RemoteFetcher.authority(URI.create(baseUrl)));
        config.identity().trustedIssuers().forEach(issuer -> trusted.add(RemoteFetcher.authority(URI.create(issuer))));
        return new RemoteFetcher(trusted, FETCH_TIMEOUT, FETCH_MAX_BYTES);
    }

    private static void provision(ServerConfig config, PodStore store, PodProvisioner provisioner) {
        if (config.demo() && store.read(StoreReader::isEmpty) && DemoPod.load(provisioner)) {
            LOG.info("Loaded the demo pod");
        }
        for (String pod : config.pods()) {
            if (provisioner.provision(pod, pod)) {
                LOG.info("Provisioned pod {}", pod);
            }
        }
    }

    private static void sweepBlobs(PodStore store, BlobStore blobs) throws IOException {
        Set<String> referenced = store.read(reader -> {
            Set<String> ids = new HashSet<>();
            reader.blobIds().forEachRemaining(ids::add);
            return ids;
        });
        int removed = blobs.sweep(referenced);
        if (removed > 0) {
            LOG.info("Removed {} unreferenced blob files left by an interrupted write", removed);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops accepting, lets in-flight requests finish (up to a timeout), then closes the store. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            closeQuietly(jetty, store, fetcher);
        }
    }

    /** A start that failed half-way: the port was bound before Jetty started, so release it explicitly. */
    private static void abandon(Server jetty, ServerConnector connector, PodStore store, RemoteFetcher fetcher) {
        connector.close();
        closeQuietly(jetty, store, fetcher);
    }

    private static void closeQuietly(Server jetty, PodStore store, RemoteFetcher fetcher) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        }
        if (fetcher != null) {
            fetcher.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
