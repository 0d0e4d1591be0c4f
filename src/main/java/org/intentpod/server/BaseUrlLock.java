package org.intentpod.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every stored IRI starts with the base URL, so it is recorded in the data folder on first start and a
 * later start with another one is refused rather than serving broken links.
 */
final class BaseUrlLock {
    static final String FILE = "base-url";

    private BaseUrlLock() {
    }

    /** Records the base URL, or checks it against the recorded one. */
    static void claim(Path dataDir, String baseUrl) throws IOException, StartupException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.equals(baseUrl)) {
                throw new StartupException("The data in " + dataDir.toAbsolutePath() + " was created for base URL " + stored
                        + " but this start uses " + baseUrl + ". Stored IRIs would break: start with --base-url " + stored
                        + " or use another --data folder.");
            }
            return;
        }
        Path temp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(temp, baseUrl + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
