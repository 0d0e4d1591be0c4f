package org.intentpod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link PodStore} must do; each implementation's test extends this. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class PodStoreContract {
    private static final String POD = "http://localhost/alice/";
    protected PodStore store;

    protected abstract PodStore open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static ResourceMeta rdf(String iri, ResourceKind kind, String parent) {
        return ResourceMeta.rdf(iri, kind, "v1", Instant.parse("2026-11-24T10:00:00Z"), parent);
    }

    private static Graph graph(String subject, int values) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (int i = 0; i < values; i++) {
            graph.add(Triple.create(NodeFactory.createURI(subject), NodeFactory.createURI("http://ex.org/p"), NodeFactory.createLiteralString("v" + i)));
        }
        return graph;
    }

    @Test
    void metadataRoundTrips() {
        assertTrue(store.read(StoreReader::isEmpty));
        ResourceMeta blob = ResourceMeta.binary(POD + "a.csv", "text/csv", "v2", Instant.parse("2026-11-24T10:00:00.123Z"), 42,
                "0123456789abcdef0123456789abcdef", POD);
        store.write(w -> {
            w.putMeta(rdf(POD, ResourceKind.CONTAINER, null));
            w.putMeta(blob);
            return null;
        });
        assertEquals(blob, store.read(r -> r.meta(POD + "a.csv").orElseThrow()));
        assertEquals(rdf(POD, ResourceKind.CONTAINER, null), store.read(r -> r.meta(POD).orElseThrow()));
        assertEquals(List.of("0123456789abcdef0123456789abcdef"), store.read(r -> {
            List<String> ids = new ArrayList<>();
            r.blobIds().forEachRemaining(ids::add);
            return ids;
        }));
        assertFalse(store.read(StoreReader::isEmpty));
    }

    @Test
    void triplesAreReplacedWholeAndMembersListed() {
        store.write(w -> {
            w.putMeta(rdf(POD, ResourceKind.CONTAINER, null));
            for (int i = 0; i < 50; i++) {
                w.putMeta(rdf(POD + "doc" + i, ResourceKind.RDF_SOURCE, POD));
            }
            w.replaceTriples(POD + "doc0", graph(POD + "doc0#it", 3));
            return null;
        });
        store.write(w -> {
            w.replaceTriples(POD + "doc0", graph(POD + "doc0#it", 1));
            return null;
        });
        int remaining = store.read(r -> {
            List<Triple> triples = new ArrayList<>();
            r.triples(POD + "doc0").forEachRemaining(triples::add);
            return triples.size();
        });
        assertEquals(1, remaining);
        Triple kept = graph(POD + "doc0#it", 1).find().next();
        boolean found = store.read(r -> r.contains(POD + "doc0", kept));
        boolean notInAnotherGraph = store.read(r -> r.contains(POD + "doc1", kept));
        assertTrue(found);
        assertFalse(notInAnotherGraph);
        Set<String> members = new HashSet<>();
        store.read(r -> {
            r.members(POD).forEachRemaining(members::add);
            return null;
        });
        assertEquals(50, members.size());
        store.write(w -> {
            w.remove(POD + "doc0");
            return null;
        });
        boolean gone = store.read(r -> r.meta(POD + "doc0").isEmpty() && !r.triples(POD + "doc0").hasNext());
        assertTrue(gone);
        boolean stillListed = store.read(r -> r.hasMembers(POD));
        assertTrue(stillListed);
    }

    @Test
    void aWriteThatThrowsLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> store.write(w -> {
            w.putMeta(rdf(POD, ResourceKind.CONTAINER, null));
            throw new IllegalStateException("refused half-way");
        }));
        assertTrue(store.read(StoreReader::isEmpty));
    }

    @Test
    void concurrentWritesCommitIndependentlyOfOnesThatFail() throws Exception {
        int writers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return store.write(w -> {
                    w.putMeta(rdf(POD + "r" + n, ResourceKind.RDF_SOURCE, null));
                    if (n % 3 == 0) {
                        throw new IllegalArgumentException("refused " + n);
                    }
                    return n;
                });
            }));
        }
        go.countDown();
        for (int i = 0; i < writers; i++) {
            Future<?> result = results.get(i);
            if (i % 3 == 0) {
                assertThrows(Exception.class, result::get);
            } else {
                assertEquals(i, result.get());
            }
        }
        pool.shutdown();
        for (int i = 0; i < writers; i++) {
            int n = i;
            assertEquals(n % 3 != 0, store.read(r -> r.meta(POD + "r" + n).isPresent()), "r" + n);
        }
    }
}
