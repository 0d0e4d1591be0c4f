package org.intentpod.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bytes of non-RDF resources, one immutable file per write. A file is complete and synced before its id
 * is returned, and an overwrite goes to a new file, so metadata committed in the store always points at
 * whole bytes: a crash can leave an unreferenced file (swept at start), never a torn one.
 */
public final class BlobStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private final Path root;
    private final Path incoming;
    private final SecureRandom random = new SecureRandom();

    public BlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores all bytes of the stream durably and returns the new blob's id and size. */
    public Stored write(InputStream bytes) throws IOException {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        Path temp = incoming.resolve(id);
        long size;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            size = bytes.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Path target = path(id);
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        return new Stored(id, size);
    }

    public InputStream open(String id) throws IOException {
        return Files.newInputStream(path(id));
    }

    /** Deletes a blob no metadata refers to any more; a failure only leaves garbage for the next sweep. */
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException ignored) {
            // swept at the next start
        }
    }

    /** Removes unfinished uploads and blobs that no committed metadata refers to. */
    public int sweep(Set<String> referenced) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (shard.equals(incoming) || !ID.matcher(name).matches() || !referenced.contains(name)) {
                            Files.deleteIfExists(file);
                            removed++;
                        }
                    }
                }
            }
        }
        return removed;
    }

    private Path path(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A blob written durably. */
    public record Stored(String id, long size) {
    }
}
