package org.intentpod.store;

import java.util.function.Function;

/**
 * Where every pod's resources live: one named graph per RDF resource, plus server metadata and
 * containment in a system graph. Work runs inside one transaction; a write either commits whole or
 * leaves nothing behind.
 */
public interface PodStore extends AutoCloseable {

    /** Runs read-only work in one transaction; the reader is valid only inside it. */
    <T> T read(Function<StoreReader, T> work);

    /** Runs work in one write transaction, committed when it returns and aborted when it throws. */
    <T> T write(Function<StoreWriter, T> work);

    @Override
    void close();
}
