package org.intentpod.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Runs write work in TDB2 write transactions, several at once when several are waiting. A TDB2 commit
 * syncs every index file (about 16 ms here, against 0.5 ms for one fsync), and TDB2 has one writer at a
 * time, so one commit per request caps writes at about 60 a second whatever the concurrency. Waiting work
 * is batched into one transaction and one commit instead; each caller returns only after that commit.
 * If any work in a batch throws, the batch is aborted whole and each piece re-runs in its own transaction,
 * so a refused write never leaves partial changes and never takes others down with it.
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 64;
    private final DatasetGraph dataset;
    private final StoreWriter writer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /** Queued last by close(): everything before it is committed, then the committer ends. */
    private final Pending<Void> stop = new Pending<>(w -> null);
    private final Thread committer;
    private boolean closed;

    GroupCommit(DatasetGraph dataset, StoreWriter writer) {
        this.dataset = dataset;
        this.writer = writer;
        this.committer = Thread.ofPlatform().name("intentpod-committer").daemon().start(this::run);
    }

    private static final class Pending<T> {
        final Function<StoreWriter, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;

        Pending(Function<StoreWriter, T> work) {
            this.work = work;
        }

        void runIn(StoreWriter writer) {
            value = work.apply(writer);
        }

        void complete() {
            result.complete(value);
        }
    }

    <T> T write(Function<StoreWriter, T> work) {
        if (Thread.currentThread() == committer) {
            // Work that writes again from inside a write is already in the transaction.
            return work.apply(writer);
        }
        Pending<T> pending = new Pending<>(work);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(pending);
        }
        try {
            return pending.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException ignored) {
                // never interrupted on purpose: an interrupt inside TDB2's file I/O would close its channels
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(stop);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    private void commit(List<Pending<?>> batch) {
        try {
            Txn.executeWrite(dataset, () -> batch.forEach(p -> p.runIn(writer)));
            batch.forEach(Pending::complete);
        } catch (Throwable failed) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(failed);
                return;
            }
            for (Pending<?> pending : batch) {
                try {
                    Txn.executeWrite(dataset, () -> pending.runIn(writer));
                    pending.complete();
                } catch (Throwable alone) {
                    pending.result.completeExceptionally(alone);
                }
            }
        }
    }

    /** Finishes the work already queued, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(stop);
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
