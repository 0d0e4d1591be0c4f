package org.intentpod.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id hashing (Password4j). Cost is configurable so tests stay fast; hashes carry their own parameters. */
public final class PasswordHasher {
    private static final int PARALLELISM = 1;
    private static final int OUTPUT_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private final Argon2Function function;

    /** @param memoryKiB Argon2 memory cost; OWASP's minimum for Argon2id is 19 MiB with 2 iterations */
    public PasswordHasher(int memoryKiB, int iterations) {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, PARALLELISM, OUTPUT_BYTES, Argon2.ID);
    }

    public String hash(String secret) {
        return Password.hash(secret).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** Checks a secret against a stored hash, with the parameters recorded in that hash. */
    public boolean matches(String secret, String hash) {
        try {
            return Password.check(secret, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
