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
 * The sample application as a whole, without and with {@code -javaagent:querybudget-agent.jar}: its start-up time, and
 * its request throughput on the fixed endpoint ({@code GET /users/1/orders/fetched}, 500 orders in one JOIN FETCH)
 * under a bounded loopback load: {@link #CLIENTS} clients, each sending its next request when the last one answered.
 *
 * <p>The two modes alternate launch by launch, so that a slow spell of the machine falls on both. The application's
 * own starter is switched off in both ({@code --querybudget.enabled=false}): the one difference is the agent.
 */
final class WholeAppBenchmark {

    static final int CLIENTS = 4;
    private static final String ENDPOINT = "/users/1/orders/fetched";
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Path application;
    private final Path agent;
    private final int launches;
    private final long warmUpMillis;
    private final long measureMillis;
    private final HttpClient client = HttpClient.newHttpClient();

    WholeAppBenchmark(Path application, Path agent, int launches, long warmUpMillis, long measureMillis) {
        this.application = application;
        this.agent = agent;
        this.launches = launches;
        this.warmUpMillis = warmUpMillis;
        this.measureMillis = measureMillis;
    }

    /**
     * Runs this part alone, from the repository's root:
     * {@code java -cp bench/target/benchmarks.jar dev.querybudget.bench.WholeAppBenchmark [launches]}.
     */
    public static void main(String[] args) throws Exception {
        Results results = new WholeAppBenchmark(BenchmarkReport.jar("app"), BenchmarkReport.jar("agent"),
                args.length > 0 ? Integer.parseInt(args[0]) : 3, 10_000, 15_000).run();
        System.out.printf("start-up ratio %.2f, throughput ratio %.2f%n",
                median(results.startupWith()) / median(results.startupWithout()),
                median(results.throughputWith()) / median(results.throughputWithout()));
    }

    /** Start-up seconds and requests per second of every launch, per mode. */
    record Results(double[] startupWithout, double[] startupWith, double[] throughputWithout,
                   double[] throughputWith) {
    }

    Results run() throws Exception {
        double[][] startup = {new double[launches], new double[launches]};
        double[][] throughput = {new double[launches], new double[launches]};
        for (int launch = 0; launch < launches; launch++) {
            for (int mode = 0; mode < 2; mode++) {
                double[] measured = measure(mode == 1);
                startup[mode][launch] = measured[0];
                throughput[mode][launch] = measured[1];
                System.out.printf("whole app, launch %d %s the agent: started in %.2f s, %.1f requests/s%n",
                        launch + 1, mode == 1 ? "with" : "without", measured[0], measured[1]);
            }
        }
        return new Results(startup[0], startup[1], throughput[0], throughput[1]);
    }

    /** One launch: {@code [start-up seconds, requests per second]}. */
    private double[] measure(boolean withAgent) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (withAgent) {
            command.add("-javaagent:" + agent.toAbsolutePath());
        }
        command.addAll(List.of("-jar", application.toAbsolutePath().toString(), "--server.port=0",
                "--querybudget.enabled=false"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Double> started = new CompletableFuture<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        pump(app.getInputStream(), line -> {
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
            load(uri, warmUpMillis);
            return new double[]{startup, load(uri, measureMillis) * 1000.0 / measureMillis};
        } catch (Exception e) {
            synchronized (output) {
                output.forEach(System.err::println);
            }
            throw e;
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
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

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
