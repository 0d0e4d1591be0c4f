package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys are created once, kept private on disk, and rotate without dropping the key that signed live tokens. */
class SigningKeysTest {

    @Test
    void createdOnceKeptPrivateAndRotated(@TempDir Path dir) throws Exception {
        SigningKeys first = SigningKeys.load(dir);
        assertEquals(first.current().getKeyID(), SigningKeys.load(dir).current().getKeyID());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKeys.FILE))));
        SigningKeys rotated = SigningKeys.rotate(dir);
        assertNotEquals(first.current().getKeyID(), rotated.current().getKeyID());
        assertEquals(2, rotated.publicKeys().getKeys().size());
        assertEquals(first.current().getKeyID(), rotated.publicKeys().getKeys().get(1).getKeyID(), "the previous key still verifies");
        assertEquals(rotated.current().getKeyID(), SigningKeys.load(dir).current().getKeyID());
        assertEquals(2, SigningKeys.rotate(dir).publicKeys().getKeys().size(), "only the previous key is kept");
    }
}
