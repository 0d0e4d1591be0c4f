package org.intentpod.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.intentpod.http.HttpProblem;

/** Checks an account's username and password (HTTP Basic), throttling failures per account and address. */
public final class PasswordLogin {
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"IntentPod\", charset=\"UTF-8\"");
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    /** Checked when the username is unknown, so that the answer takes as long as for a wrong password. */
    private final String decoy;

    public PasswordLogin(Accounts accounts, PasswordHasher hasher, LoginThrottle throttle) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.decoy = hasher.hash(ClientSecrets.newSecret());
    }

    /** The account an {@code Authorization: Basic} header proves; 401 otherwise, 429 when throttled. */
    public Account basic(String authorization, String address) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw challenge("Give the account's username and password with HTTP Basic authentication");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(401, "Unauthorized", "Malformed Basic credentials", CHALLENGE);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new HttpProblem(401, "Unauthorized", "Malformed Basic credentials", CHALLENGE);
        }
        return login(decoded.substring(0, colon), decoded.substring(colon + 1), address);
    }

    /** A 401 that asks for the account's username and password. */
    static HttpProblem challenge(String detail) {
        return new HttpProblem(401, "Unauthorized", detail, CHALLENGE);
    }

    public Account login(String username, String password, String address) {
        throttle.check(username, address);
        var found = accounts.find(username);
        boolean matches = hasher.matches(password, found.map(Account::passwordHash).orElse(decoy));
        var account = found.filter(a -> matches);
        if (account.isEmpty()) {
            throttle.failed(username, address);
            throw new HttpProblem(401, "Unauthorized", "Unknown username or wrong password", CHALLENGE);
        }
        return account.get();
    }
}
