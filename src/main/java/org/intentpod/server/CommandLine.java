package org.intentpod.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.intentpod.auth.IdentityConfig;
import org.intentpod.http.ResourcePath;

/** Reads {@link ServerConfig} from flags, then {@code INTENTPOD_*} environment variables, then defaults. */
public final class CommandLine {
    static final Pattern POD_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    private static final long MIB = 1024 * 1024;

    /** Each option: flag, environment variable, value name, help text. */
    private enum Option {
        HOST("--host", "INTENTPOD_HOST", "ADDRESS", "address to listen on (default 127.0.0.1)"),
        PORT("--port", "INTENTPOD_PORT", "N", "port to listen on, 0 for any free port (default 8080)"),
        BASE_URL("--base-url", "INTENTPOD_BASE_URL", "URL", "public base URL (default http://localhost:<port>/); stored on first start"),
        DATA("--data", "INTENTPOD_DATA", "DIR", "data folder: TDB2 store, blobs, signing keys (default ./data)"),
        POD("--pod", "INTENTPOD_POD", "NAME", "provision this pod if missing; repeatable (environment: comma-separated)"),
        DEMO("--demo", "INTENTPOD_DEMO", "true|false", "load the demo pod into an empty store (default true)"),
        MAX_RDF_BODY("--max-rdf-body", "INTENTPOD_MAX_RDF_BODY", "BYTES", "largest RDF or PATCH body (default 10 MiB)"),
        MAX_BLOB_BODY("--max-blob-body", "INTENTPOD_MAX_BLOB_BODY", "BYTES", "largest non-RDF body (default 1 GiB)"),
        ARGON2_MEMORY("--argon2-memory", "INTENTPOD_ARGON2_MEMORY", "KIB", "Argon2id memory cost of password hashes (default 19456)"),
        ARGON2_ITERATIONS("--argon2-iterations", "INTENTPOD_ARGON2_ITERATIONS", "N", "Argon2id iterations (default 2)"),
        MAX_LOGIN_FAILURES("--max-login-failures", "INTENTPOD_MAX_LOGIN_FAILURES", "N",
                "failed logins allowed per account and per address in a minute (default 10)"),
        ROTATE_SIGNING_KEY("--rotate-signing-key", "INTENTPOD_ROTATE_SIGNING_KEY", "true|false",
                "make a new token signing key current; the previous one keeps verifying (default false)"),
        TRUSTED_ISSUER("--trusted-issuer", "INTENTPOD_TRUSTED_ISSUERS", "URL",
                "accept tokens of this other Solid-OIDC issuer; repeatable (environment: comma-separated)"),
        BEARER_TOKENS("--bearer-tokens", "INTENTPOD_BEARER_TOKENS", "true|false",
                "also issue and accept plain Bearer tokens, for clients without DPoP (default false)"),
        REQUIRE_PROOF_ATH("--require-proof-ath", "INTENTPOD_REQUIRE_PROOF_ATH", "true|false",
                "require the access token hash (ath) in DPoP proofs; false admits clients that predate RFC 9449 (default true)");

        final String flag;
        final String env;
        final String valueName;
        final String help;

        Option(String flag, String env, String valueName, String help) {
            this.flag = flag;
            this.env = env;
            this.valueName = valueName;
            this.help = help;
        }

        boolean repeatable() {
            return this == POD || this == TRUSTED_ISSUER;
        }
    }

    private CommandLine() {
    }

    /** Thrown for a bad command line; the message says what is wrong. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Empty when help was asked for. */
    public static Optional<ServerConfig> parse(String[] args, Map<String, String> env) throws UsageException {
        Map<Option, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            String flag = arg;
            Option option = Arrays.stream(Option.values()).filter(o -> o.flag.equals(flag)).findFirst()
                    .orElseThrow(() -> new UsageException("Unknown option: " + flag));
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(flag + " needs a value (" + option.valueName + ")");
                }
                value = args[++i];
            }
            given.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
        }
        for (Option option : Option.values()) {
            String fromEnv = env.get(option.env);
            if (!given.containsKey(option) && fromEnv != null && !fromEnv.isBlank()) {
                given.put(option, option.repeatable() ? List.of(fromEnv.split(",")) : List.of(fromEnv));
            }
        }
        int port = (int) number(given, Option.PORT, 8080, 0, 65535);
        List<String> pods = new ArrayList<>();
        for (String pod : given.getOrDefault(Option.POD, List.of())) {
            String name = pod.trim();
            if (!POD_NAME.matcher(name).matches() || ResourcePath.RESERVED_TOP_LEVEL.contains(name)) {
                throw new UsageException("Invalid pod name '" + name + "': 2-32 lowercase letters, digits or '-', not a reserved name");
            }
            pods.add(name);
        }
        return Optional.of(new ServerConfig(
                single(given, Option.HOST, "127.0.0.1"),
                port,
                baseUrl(given),
                Path.of(single(given, Option.DATA, "data")),
                pods,
                bool(given, Option.DEMO, true),
                number(given, Option.MAX_RDF_BODY, 10 * MIB, 1, Long.MAX_VALUE),
                number(given, Option.MAX_BLOB_BODY, 1024 * MIB, 1, Long.MAX_VALUE),
                new IdentityConfig(
                        (int) number(given, Option.ARGON2_MEMORY, 19456, 8, 4 * 1024 * 1024),
                        (int) number(given, Option.ARGON2_ITERATIONS, 2, 1, 100),
                        (int) number(given, Option.MAX_LOGIN_FAILURES, 10, 1, 1_000_000),
                        bool(given, Option.ROTATE_SIGNING_KEY, false),
                        trustedIssuers(given),
                        bool(given, Option.BEARER_TOKENS, false),
                        bool(given, Option.REQUIRE_PROOF_ATH, true))));
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                IntentPod: a Solid pod server for the intention economy.

                Usage: java -jar intentpod.jar [options]

                Options (environment variable in brackets):
                """);
        for (Option o : Option.values()) {
            text.append(String.format(Locale.ROOT, "  %-28s %s [%s]%n", o.flag + " " + o.valueName, o.help, o.env));
        }
        text.append(String.format(Locale.ROOT, "  %-28s %s%n", "--help", "print this help"));
        return text.toString();
    }

    private static String single(Map<Option, List<String>> given, Option option, String fallback) throws UsageException {
        List<String> values = given.get(option);
        if (values == null) {
            return fallback;
        }
        if (values.size() > 1) {
            throw new UsageException(option.flag + " is given more than once");
        }
        return values.get(0);
    }

    private static long number(Map<Option, List<String>> given, Option option, long fallback, long min, long max) throws UsageException {
        String value = single(given, option, null);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new UsageException(option.flag + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option.flag + " takes a number, not '" + value + "'");
        }
    }

    private static boolean bool(Map<Option, List<String>> given, Option option, boolean fallback) throws UsageException {
        String value = single(given, option, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new UsageException(option.flag + " takes true or false, not '" + value + "'");
        };
    }

    /** Issuers are kept as given: token {@code iss} claims are compared with them exactly. */
    private static List<String> trustedIssuers(Map<Option, List<String>> given) throws UsageException {
        List<String> issuers = new ArrayList<>();
        for (String value : given.getOrDefault(Option.TRUSTED_ISSUER, List.of())) {
            issuers.add(httpUrl(Option.TRUSTED_ISSUER, value.trim()).toString());
        }
        return issuers;
    }

    private static String baseUrl(Map<Option, List<String>> given) throws UsageException {
        String value = single(given, Option.BASE_URL, null);
        if (value == null) {
            return null;
        }
        URI uri = httpUrl(Option.BASE_URL, value.trim());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            throw new UsageException("--base-url must be the root of its host (pods are served at /{pod}/), not " + value);
        }
        return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + "/";
    }

    private static URI httpUrl(Option option, String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new UsageException(option.flag + " is not a URL: " + value);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new UsageException(option.flag + " must be an http(s) URL with a host and no query or fragment: " + value);
        }
        return uri;
    }
}
