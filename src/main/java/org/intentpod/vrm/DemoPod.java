package org.intentpod.vrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.intentpod.ldp.PodProvisioner;

/**
 * The demo pod a fresh server shows: the mobile-plan challenge of the VRM story, an intention backed by
 * twelve months of usage imported from an operator's CSV, and the summary shared instead of the records.
 * Everything goes through the same validation as a client's write.
 */
public final class DemoPod {
    public static final String NAME = "demo";

    private record Seed(String path, String contentType, String resource) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("data/usage-2025.csv", "text/csv", "demo/usage-2025.csv"),
            new Seed("data/import-2025", "text/turtle", "demo/import-2025.ttl"),
            new Seed("data/summary-2025", "text/turtle", "demo/summary-2025.ttl"),
            new Seed("intentions/mobile-plan", "text/turtle", "demo/mobile-plan.ttl"));

    private DemoPod() {
    }

    /** Creates the demo pod with its data; false when a pod of that name already exists. */
    public static boolean load(PodProvisioner provisioner) {
        // Readable by anyone: it is there to be looked at.
        if (!provisioner.provision(NAME, "Demo user", false, true)) {
            return false;
        }
        for (Seed seed : SEEDS) {
            try (InputStream in = DemoPod.class.getClassLoader().getResourceAsStream(seed.resource())) {
                if (in == null) {
                    throw new IllegalStateException("missing from the jar: " + seed.resource());
                }
                provisioner.seed(NAME, seed.path(), seed.contentType(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
