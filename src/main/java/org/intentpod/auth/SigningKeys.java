package org.intentpod.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity provider's ES256 signing keys, generated on first start and kept in the data folder (owner
 * read/write only). The first key signs; the others are earlier keys, still published so tokens they signed
 * verify until they expire. {@link #rotate(Path)} puts a new key first and keeps the previous one.
 */
public final class SigningKeys {
    static final String FILE = "signing-keys.jwks";
    private static final int KEPT = 2;
    private final JWKSet keys;

    private SigningKeys(JWKSet keys) {
        this.keys = keys;
    }

    /** Loads the keys of a data folder, creating the first one if there is none. */
    public static SigningKeys load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                return new SigningKeys(JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (ParseException e) {
                throw new IOException("Unreadable signing keys in " + file + ": " + e.getMessage(), e);
            }
        }
        SigningKeys created = new SigningKeys(new JWKSet(generate()));
        created.save(file);
        return created;
    }

    /** Makes a new signing key current, keeping the previous one for verification. */
    public static SigningKeys rotate(Path dataDir) throws IOException {
        List<JWK> previous = load(dataDir).keys.getKeys();
        List<JWK> kept = new ArrayList<>();
        kept.add(generate());
        kept.addAll(previous.subList(0, Math.min(KEPT - 1, previous.size())));
        SigningKeys rotated = new SigningKeys(new JWKSet(kept));
        rotated.save(dataDir.resolve(FILE));
        return rotated;
    }

    public ECKey current() {
        return (ECKey) keys.getKeys().get(0);
    }

    /** The public keys, as served at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return keys.toPublicJWKSet();
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).issueTime(java.util.Date.from(Instant.now())).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an ES256 key", e);
        }
    }

    private void save(Path file) throws IOException {
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, keys.toString(false), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
