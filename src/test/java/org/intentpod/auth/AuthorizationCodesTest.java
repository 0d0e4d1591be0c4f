package org.intentpod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Codes expire after their minute and serve once; time is a clock the test moves. */
class AuthorizationCodesTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AuthorizationCodes codes = new AuthorizationCodes(clock);
    private final AuthorizationCodes.Grant grant = new AuthorizationCodes.Grant("alice", "https://pod.example/alice/profile/card#me", "client-1",
            URI.create("https://app.example/cb"), CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()), Scope.parse("openid webid"),
            "n-1", "app-1");

    @Test
    void aCodeServesOnce() {
        String code = codes.issue(grant);
        assertEquals(grant, codes.redeem(code).orElseThrow());
        assertTrue(codes.redeem(code).isEmpty());
        assertTrue(codes.redeem("made-up").isEmpty());
        assertTrue(codes.redeem(null).isEmpty());
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        String fresh = codes.issue(grant);
        String stale = codes.issue(grant);
        now.set(now.get().plus(AuthorizationCodes.LIFETIME).minus(Duration.ofMillis(1)));
        assertTrue(codes.redeem(fresh).isPresent(), "still within its lifetime");
        now.set(now.get().plus(Duration.ofMillis(1)));
        assertTrue(codes.redeem(stale).isEmpty(), "expired");
    }
}
