package org.intentpod.auth;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.intentpod.http.HttpProblem;
import org.intentpod.ldp.PodProvisioner;
import org.intentpod.http.ResourcePath;

/** Creates an account and its pod together: both or neither. */
public final class Registration {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9-]{2,31}");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 256;
    private static final Set<String> COMMON = Set.of("password123", "1234567890", "0123456789", "qwertyuiop", "azertyuiop", "motdepasse1",
            "password1234", "iloveyou123", "letmein1234");
    private final Accounts accounts;
    private final PodProvisioner provisioner;
    private final PasswordHasher hasher;
    private final String issuer;

    public Registration(Accounts accounts, PodProvisioner provisioner, PasswordHasher hasher, String issuer) {
        this.accounts = accounts;
        this.provisioner = provisioner;
        this.hasher = hasher;
        this.issuer = issuer;
    }

    /** What a client learns from registering. */
    public record Registered(String webId, String pod, String issuer) {
    }

    public Registered register(String username, String password, String kind, String name) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw HttpProblem.badRequest("username must be 3 to 32 characters: lowercase letters, digits or '-', starting with a letter");
        }
        if (ResourcePath.RESERVED_TOP_LEVEL.contains(username)) {
            throw HttpProblem.badRequest("'" + username + "' is reserved by the server; choose another username");
        }
        AccountKind accountKind = AccountKind.parse(kind)
                .orElseThrow(() -> HttpProblem.badRequest("kind must be \"person\" or \"vendor\""));
        if (name == null || name.isBlank() || name.length() > 100) {
            throw HttpProblem.badRequest("name must be given, at most 100 characters");
        }
        checkPassword(username, password);
        String webId = provisioner.webId(username);
        Account account = new Account(username, accountKind, name.strip(), webId, hasher.hash(password));
        boolean created = accounts.create(account, () -> {
            if (!provisioner.provision(username, account.name(), accountKind == AccountKind.VENDOR, false)) {
                throw HttpProblem.conflict("A pod named '" + username + "' already exists");
            }
        });
        if (!created) {
            throw HttpProblem.conflict("The username '" + username + "' is taken");
        }
        return new Registered(webId, ResourcePath.podRoot(username).iri(issuer), issuer);
    }

    private static void checkPassword(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw HttpProblem.badRequest("password is required");
        }
        if (password.length() < MIN_PASSWORD) {
            throw HttpProblem.badRequest("password is too short: at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw HttpProblem.badRequest("password is too long: at most " + MAX_PASSWORD + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username) || COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw HttpProblem.badRequest("password is too easy to guess: avoid your username, common passwords and repeated characters");
        }
    }
}
