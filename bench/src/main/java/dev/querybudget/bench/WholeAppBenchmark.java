package dev.querybudget.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample application as a whole, without and with {@code -javaagent:querybudget-agent.jar}.
 *
 * <ul>
 *   <li><b>Start-up</b>: launches alternating between the two modes, each timed to Spring Boot's "process running
 *       for" (the JVM's whole start, the agent's included).</li>
 *   <li><b>Throughput</b> on the fixed endpoint ({@code GET /users/1/orders/fetched}, 500 orders in one JOIN FETCH)
 *       under a bounded loopback load: {@link #CLIENTS} clients, each sending its next request when the last one
 *       answered. The two applications run side by side and take the load in turns, window after window, so that a
 *       slow spell of the machine falls on both; each pair of windows gives one ratio.</li>
 * </ul>
 * The application's own starter is switched off in both modes ({@code --querybudget.enabled=false}): the one
 * difference is the agent.
 */
final class WholeAppBenchmark {

    static final int CLIENTS = 4;
    static final int START_UPS = 7;
    static final int PAIRS = 2;
    static final int WINDOWS = 8;
    static final long WARM_UP_MILLIS = 30_000;
    static final long WINDOW_MILLIS = 5_000;
    private static final String ENDPOINT = "/users/1/orders/fetched";
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Path application;
    private final Path agent;
    private final HttpClient client = HttpClient.newHttpClient();

    WholeAppBenchmark(Path application, Path agent) {
        this.application = application;
        this.agent = agent;
    }

    /**
     * Runs this part alone, from the repository's root:
     * {@code java -cp bench/target/benchmarks.jar dev.querybudget.bench.WholeAppBenchmark}.
     */
    public static void main(String[] args) throws Exception {
        Results results = new WholeAppBenchmark(BenchmarkReport.jar("app"), BenchmarkReport.jar("agent")).run();
        System.out.printf("start-up ratio %.2f, throughput ratio %.2f%n", results.startupRatio(),
                results.throughputRatio());
    }

    /**
     * Start-up seconds of every launch, per mode; requests per second of every window, per mode (window {@code k}
     * without the agent is paired with window {@code k} with it).
     */
    record Results(double[] startupWithout, double[] startupWith, double[] throughputWithout,
                   double[] throughputWith) {

        double startupRatio() {
            return median(startupWith) / median(startupWithout);
        }

        /** The median of the per-window ratios. */
        double throughputRatio() {
            double[] ratios = new double[throughputWith.length];
            for (int k = 0; k < ratios.length; k++) {
                ratios[k] = throughputWith[k] / throughputWithout[k];
            }
            return median(ratios);
        }
    }

    Results run() throws Exception {
        double[] startupWithout = new double[START_UPS];
        double[] startupWith = new double[START_UPS];
        for (int launch = 0; launch < START_UPS; launch++) {
            for (boolean withAgent : new boolean[]{false, true}) {
                try (App app = App.start(command(withAgent))) {
                    (withAgent ? startupWith : startupWithout)[launch] = app.startup;
                    System.out.printf("whole app, start-up %d %s the agent: %.2f s%n", launch + 1,
                            withAgent ? "with" : "without", app.startup);
                }
            }
        }
        double[] throughputWithout = new double[PAIRS * WINDOWS];
        double[] throughputWith = new double[PAIRS * WINDOWS];
        for (int pair = 0; pair < PAIRS; pair++) {
            try (App without = App.start(command(false)); App with = App.start(command(true))) {
                load(without.uri, WARM_UP_MILLIS);
                load(with.uri, WARM_UP_MILLIS);
                for (int window = 0; window < WINDOWS; window++) {
                    int k = pair * WINDOWS + window;
                    throughputWithout[k] = load(without.uri, WINDOW_MILLIS) * 1000.0 / WINDOW_MILLIS;
                    throughputWith[k] = load(with.uri, WINDOW_MILLIS) * 1000.0 / WINDOW_MILLIS;
                    System.out.printf("whole app, pair %d window %d: %.1f requests/s without the agent, %.1f with it%n",
                            pair + 1, window + 1, throughputWithout[k], throughputWith[k]);
                }
            }
        }
        return new Results(startupWithout, startupWith, throughputWithout, throughputWith);
    }

    private List<String> command(boolean withAgent) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (withAgent) {
            command.add("-javaagent:" + agent.toAbsolutePath());
        }
        command.addAll(List.of("-jar", application.toAbsolutePath().toString(), "--server.port=0",
                "--querybudget.enabled=false"));
        return command;
    }

    /** {@link #CLIENTS} clients sending requests back to back for {@code millis}: the requests answered in time. */
    private long load(URI uri, long millis) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> answered = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                answered.add(clients.submit(() -> {
                    long count = 0;
                    while (System.nanoTime() < deadline) {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IOException("GET " + uri + " answered " + response.statusCode());
                        }
                        if (System.nanoTime() < deadline) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> client : answered) {
                total += client.get(millis + 60_000, TimeUnit.MILLISECONDS);
            }
            return total;
        } finally {
            clients.shutdownNow();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A running sample application: its start-up time and the fixed endpoint's address. */
    private static final class App implements AutoCloseable {

        final Process process;
        final double startup;
        final URI uri;

        private App(Process process, double startup, URI uri) {
            this.process = process;
            this.startup = startup;
            this.uri = uri;
        }

        static App start(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Double> started = new CompletableFuture<>();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            List<String> output = new ArrayList<>();
            pump(process.getInputStream(), line -> {
                synchronized (output) {
                    output.add(line);
                }
                Matcher portLine = PORT.matcher(line);
                if (portLine.find()) {
                    port.complete(Integer.parseInt(portLine.group(1)));
                }
                Matcher startedLine = STARTED.matcher(line);
                if (startedLine.find()) {
                    started.complete(Double.parseDouble(startedLine.group(1)));
                }
            });
            try {
                double startup = started.get(180, TimeUnit.SECONDS);
                URI uri = URI.create("http://127.0.0.1:" + port.get(1, TimeUnit.SECONDS) + ENDPOINT);
                return new App(process, startup, uri);
            } catch (Exception e) {
                synchronized (output) {
                    output.forEach(System.err::println);
                }
                stop(process);
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }

        private static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static void pump(InputStream stream, java.util.function.Consumer<String> lines) {
            Thread pump = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.accept(line);
                    }
                } catch (IOException closed) {
                    // the application stopped
                }
            }, "sample-app-output");
            pump.setDaemon(true);
            pump.start();
        }
    }
}
