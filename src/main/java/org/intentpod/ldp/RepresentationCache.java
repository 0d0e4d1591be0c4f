package org.intentpod.ldp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.intentpod.http.RdfFormat;

/**
 * Rendered bytes of small RDF sources, keyed by IRI, version and format. Every write gives a resource a new
 * version, so an entry can never be stale: old versions are simply no longer asked for and age out. Bounded
 * by total bytes, least recently used first.
 */
final class RepresentationCache {
    /** Larger representations are rendered each time: caching them would crowd out the many small ones. */
    static final int MAX_ENTRY_BYTES = 64 * 1024;
    private final long capacityBytes;
    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long sizeBytes;

    RepresentationCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    record Key(String iri, String version, RdfFormat format) {
    }

    synchronized byte[] get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, byte[] bytes) {
        if (bytes.length > MAX_ENTRY_BYTES) {
            return;
        }
        byte[] previous = entries.put(key, bytes);
        sizeBytes += bytes.length - (previous == null ? 0 : previous.length);
        Iterator<Map.Entry<Key, byte[]>> eldest = entries.entrySet().iterator();
        while (sizeBytes > capacityBytes && eldest.hasNext()) {
            sizeBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }
}
