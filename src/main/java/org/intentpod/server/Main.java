package org.intentpod.server;

import java.util.Optional;

/** {@code java -jar intentpod.jar [options]}: parses the command line and runs the server until SIGTERM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Optional<ServerConfig> config;
        try {
            config = CommandLine.parse(args, System.getenv());
        } catch (CommandLine.UsageException e) {
            System.err.println("intentpod: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (config.isEmpty()) {
            System.out.print(CommandLine.usage());
            return;
        }
        PodServer server;
        try {
            server = PodServer.start(config.get());
        } catch (StartupException e) {
            System.err.println("intentpod: " + e.getMessage());
            System.exit(2);
            return;
        }
        // SIGTERM: in-flight requests finish, then the store is closed.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "intentpod-shutdown"));
        server.join();
    }
}
