package org.intentpod;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Tests that share one real server for the whole class (each test uses its own paths). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class LivePodTest {
    protected TestPod pod;

    @BeforeAll
    void startPod() {
        pod = TestPod.start();
    }

    @AfterAll
    void stopPod() {
        pod.close();
    }
}
