package dev.querybudget.agent;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A real JVM started with {@code -javaagent:querybudget-agent.jar}, its output collected. */
final class ForkedJvm implements AutoCloseable {

    static final Path AGENT_JAR = Path.of(System.getProperty("querybudget.agent.jar", "target/querybudget-agent.jar"));
    static final String JAVA = System.getProperty("querybudget.it.java", Path.of(System.getProperty("java.home"),
            "bin", "java").toString());

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ForkedJvm(Process process, String readyLine) {
        this.process = process;
        Thread stdout = new Thread(() -> read(process.getInputStream(), line -> {
            synchronized (out) {
                out.add(line);
            }
            if (line.startsWith(readyLine)) {
                ready.complete(line.substring(readyLine.length()).trim());
            }
        }), "forked-stdout");
        Thread stderr = new Thread(() -> read(process.getErrorStream(), line -> {
            synchronized (err) {
                err.append(line).append('\n');
            }
        }), "forked-stderr");
        stdout.setDaemon(true);
        stderr.setDaemon(true);
        stdout.start();
        stderr.start();
    }

    /**
     * Starts {@code mainClass} with the agent and {@code agentOptions} ({@code null}: without the agent), on the test
     * class path less QueryBudget's own classes unless {@code withQueryBudgetJars}; {@link #awaitReady()} then waits
     * for a line starting with {@code readyLine}.
     */
    static ForkedJvm start(String agentOptions, String mainClass, String readyLine, boolean withQueryBudgetJars,
                           String... args) throws Exception {
        return start(List.of(), agentOptions, mainClass, readyLine, withQueryBudgetJars, args);
    }

    /** The same with {@code jvmOptions} ({@code -Dkey=value}) before the main class. */
    static ForkedJvm start(List<String> jvmOptions, String agentOptions, String mainClass, String readyLine,
                           boolean withQueryBudgetJars, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xshare:auto"));
        command.addAll(jvmOptions);
        if (agentOptions != null) {
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.addAll(List.of("-cp", classPath(withQueryBudgetJars), mainClass));
        command.addAll(Arrays.asList(args));
        ForkedJvm jvm = new ForkedJvm(new ProcessBuilder(command).start(), readyLine);
        return jvm;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Attaches the agent to this running JVM as a user would, {@code java -jar querybudget-agent.jar <pid> options},
     * and returns what that printed.
     */
    String attachAgent(String agentOptions) throws Exception {
        Process attach = new ProcessBuilder(JAVA, "-jar", AGENT_JAR.toAbsolutePath().toString(), Long.toString(pid()),
                agentOptions).redirectErrorStream(true).start();
        String output = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!attach.waitFor(60, TimeUnit.SECONDS) || attach.exitValue() != 0) {
            throw new AssertionError("the agent did not attach: " + output);
        }
        return output;
    }

    String awaitReady() throws Exception {
        try {
            return ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the forked JVM did not start; its output:\n" + stdout() + "\n" + stderr(), e);
        }
    }

    int awaitExit() throws InterruptedException {
        return awaitExit(120);
    }

    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM did not end; its output:\n" + stdout() + "\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    String stderr() {
        synchronized (err) {
            return err.toString();
        }
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

    private static String classPath(boolean withQueryBudgetJars) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !isAgentItself(entry))
                .filter(entry -> withQueryBudgetJars || !isQueryBudgetMain(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The agent's own classes, which reach the application only through {@code -javaagent} or an attach: its
     * {@code target/classes} under Surefire, its jar under Failsafe.
     */
    private static boolean isAgentItself(String entry) {
        String path = entry.replace('\\', '/');
        return path.endsWith("agent/target/classes") || path.endsWith("agent/target/querybudget-agent.jar");
    }

    /**
     * QueryBudget's main jars (core, the JUnit extension, the Spring starter), but not core's test jar with the
     * flash-sale entities.
     */
    private static boolean isQueryBudgetMain(String entry) {
        String path = entry.replace('\\', '/');
        return path.endsWith("core/target/classes") || path.endsWith("junit-extension/target/classes")
                || path.endsWith("spring-autoconfigure/target/classes")
                || path.matches(".*/querybudget-(core|junit|spring-boot-starter)-[^/]*(?<!-tests)\\.jar");
    }

    private static void read(java.io.InputStream stream, java.util.function.Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.accept(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
