package org.intentpod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged {@code target/intentpod.jar} run as a child process, as a user runs it. */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final String base;

    private JarProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The java launcher of this JVM (a JDK 21+, chosen by the build's toolchain). */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static Path jar() {
        return Path.of(System.getProperty("intentpod.jar", "target/intentpod.jar"));
    }

    /** Runs the jar with arguments to completion and returns its exit code and output. */
    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the jar did not exit: " + output);
        }
        return new Result(p.exitValue(), output);
    }

    /** Starts a server on a port with a data folder and waits until it answers. */
    public static JarProcess start(int port, Path data, Path log, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString(), "--port", Integer.toString(port),
                "--data", data.toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        JarProcess jar = new JarProcess(process, "http://localhost:" + port + "/");
        jar.awaitReady();
        return jar;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not answer within 60 s");
    }

    public String base() {
        return base;
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the exit code once the server has stopped. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop on SIGTERM within 30 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public record Result(int exitCode, String output) {
    }
}
