package org.intentpod.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded TDB2 store against the store contract. */
class TdbPodStoreTest extends PodStoreContract {
    @TempDir
    Path folder;

    @Override
    protected PodStore open() {
        return TdbPodStore.open(folder.resolve("tdb2"));
    }
}
