package dev.querybudget.conformance;

import dev.querybudget.conformance.app.ConformanceApplication;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The conformance application in a JVM of its own, with the front under test: the agent on its command line, the
 * starter on its class path, both, or the agent attached to it once it runs. Every front gets the same settings as
 * system properties, which the agent and the starter both read.
 */
final class ForkedApp implements AutoCloseable {

    static final Path AGENT_JAR = Path.of(System.getProperty("querybudget.agent.jar", "../agent/target/querybudget-agent.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path json;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ForkedApp(Process process, Path json) {
        this.process = process;
        this.json = json;
        read(process.getInputStream(), stdout, "forked-stdout");
        read(process.getErrorStream(), stderr, "forked-stderr");
    }

    static ForkedApp start(FrontUnderTest front, ConformanceDatabase database, Path directory) throws Exception {
        Path json = directory.resolve(front.name().toLowerCase() + "-" + database.name() + "-findings.jsonl");
        java.nio.file.Files.deleteIfExists(json);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+EnableDynamicAgentLoading"));
        if (front.agentAtStartUp()) {
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath());
        }
        if (front == FrontUnderTest.AGENT_AND_STARTER) {
            // Set in one front, unset in the others: the same application frames either way.
            command.add("-Dquerybudget.application-packages=dev.querybudget.conformance.app,"
                    + "org.springframework.samples.conformance");
        }
        command.addAll(List.of("-Dquerybudget.json=" + json, "-Dquerybudget.ignore-urls=/health/*,/conformance/*",
                "-cp", classPath(front.starter()), ConformanceApplication.class.getName(), "--server.port=0",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.dev.querybudget=INFO"));
        ForkedApp app = new ForkedApp(new ProcessBuilder(command).start(), json);
        app.awaitPort();
        if (front == FrontUnderTest.AGENT_ATTACHED_LATE) {
            app.attachAgent();
        }
        return app;
    }

    private void attachAgent() throws Exception {
        Process attach = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AGENT_JAR.toAbsolutePath().toString(), Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        String output = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!attach.waitFor(60, TimeUnit.SECONDS) || attach.exitValue() != 0) {
            throw new IllegalStateException("attaching the agent failed:\n" + output);
        }
    }

    /** The test class path less the agent jar, the JUnit extension, and QueryBudget itself unless the starter runs. */
    private static String classPath(boolean withStarter) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !isQueryBudget(entry, "agent") && !isQueryBudget(entry, "junit-extension")
                        && !isQueryBudget(entry, "junit"))
                .filter(entry -> withStarter || !isQueryBudget(entry, "spring-autoconfigure")
                        && !isQueryBudget(entry, "spring-boot-starter") && !isQueryBudget(entry, "core"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isQueryBudget(String entry, String module) {
        String path = entry.replace('\\', '/');
        return path.endsWith("/" + module + "/target/classes") || path.contains("/querybudget-" + module + "-")
                || path.endsWith("/querybudget-" + module + ".jar")
                || path.matches(".*/" + module + "/target/querybudget-[^/]*\\.jar");
    }

    private void awaitPort() throws Exception {
        try {
            port.get(120, TimeUnit.SECONDS);
        } catch (Exception notReady) {
            close();
            throw new IllegalStateException("the conformance app did not start:\n" + stdout + "\n" + stderr, notReady);
        }
    }

    /** Sends {@code method path} and returns the status and the body. */
    Response send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** QueryBudget's meters in the application, one line each. */
    List<String> meters() throws Exception {
        String body = send("GET", "/conformance/meters").body();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    /** The findings written as JSON Lines so far. */
    List<String> findings() throws IOException {
        return Files.exists(json) ? Files.readAllLines(json, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read(java.io.InputStream stream, StringBuffer into, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    into.append(line).append('\n');
                    if (line.startsWith("conformance app listening on ")) {
                        port.complete(Integer.parseInt(line.substring("conformance app listening on ".length())));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    record Response(int status, String body) {
    }
}
