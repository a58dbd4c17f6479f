package dev.querybudget.sample.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main job: starts the sample application's fat jar with {@code -javaagent:querybudget-agent.jar}, lists user 1's
 * 500 orders with the N+1 endpoint and with the fixed one, and prints what the agent reported for each and how long
 * each took. Then stops the application.
 *
 * <p>Arguments: the agent jar, the application jar, a working folder.
 */
public final class FlashSaleDemo {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> stderr = new ArrayList<>();
    private String management;

    private FlashSaleDemo() {
    }

    public static void main(String[] args) throws Exception {
        new FlashSaleDemo().run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    private void run(Path agent, Path application, Path work) throws Exception {
        Files.createDirectories(work);
        Path json = work.resolve("findings.jsonl");
        Files.deleteIfExists(json);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int managementPort = freeLoopbackPort();
        Process app = new ProcessBuilder(java, "-javaagent:" + agent.toAbsolutePath() + "=json=" + json,
                "-jar", application.toAbsolutePath().toString(), "--server.port=0",
                "--management.server.port=" + managementPort).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> stdout = new ArrayList<>();
        pump(app.getInputStream(), line -> {
            synchronized (stdout) {
                stdout.add(line);
            }
            Matcher matcher = PORT.matcher(line);
            if (matcher.find() && Integer.parseInt(matcher.group(1)) != managementPort) {
                port.complete(Integer.parseInt(matcher.group(1)));
            }
        });
        pump(app.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.add(line);
            }
        });
        try {
            String base = "http://127.0.0.1:" + port.get(120, TimeUnit.SECONDS);
            management = "http://127.0.0.1:" + managementPort;
            System.out.println("QueryBudget demo: the flash sale, 500 orders for user 1, the application started with"
                    + " -javaagent:querybudget-agent.jar (no code change).");
            System.out.println();
            warmUp(base);
            Timing lazy = show(base, "/users/1/orders", "lazy associations walked per order");
            Timing fetched = show(base, "/users/1/orders/fetched", "one JOIN FETCH");
            System.out.printf(Locale.ROOT, "At 500 orders: %d statements in %d ms with the N+1, %d in %d ms with the"
                    + " JOIN FETCH.%n", lazy.statements(), lazy.millis(), fetched.statements(), fetched.millis());
            System.out.println("Findings as JSON Lines: " + json);
        } catch (Exception e) {
            synchronized (stdout) {
                stdout.forEach(System.err::println);
            }
            throw e;
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** Both endpoints once, unreported, so that class loading and the JIT do not count in the timings. */
    private void warmUp(String base) throws Exception {
        get(base + "/users/1/orders");
        get(base + "/users/1/orders/fetched");
        Thread.sleep(300);
    }

    private Timing show(String base, String path, String what) throws Exception {
        int from;
        synchronized (stderr) {
            from = stderr.size();
        }
        double before = statementsSoFar(base, path);
        long started = System.nanoTime();
        get(base + path);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(300); // the agent's report reaches standard error as the request ends
        long statements = Math.round(statementsSoFar(base, path) - before);
        System.out.printf(Locale.ROOT, "GET %s — %s: %d %s in %d ms%n", path, what, statements,
                statements == 1 ? "statement" : "statements", millis);
        List<String> report;
        synchronized (stderr) {
            report = new ArrayList<>(stderr.subList(from, stderr.size()));
        }
        if (report.isEmpty()) {
            System.out.println("  no findings");
        } else {
            report.forEach(line -> System.out.println("  " + line));
        }
        System.out.println();
        return new Timing(statements, millis);
    }

    /** The statements the agent has counted on {@code path}'s route, from the application's Prometheus scrape. */
    private double statementsSoFar(String base, String path) throws Exception {
        String route = path.replace("/users/1/", "/users/{userId}/");
        String scrape = get(management + "/actuator/prometheus");
        Matcher sum = Pattern.compile("querybudget_request_queries_sum\\{method=\"GET\",outcome=\"SUCCESS\",uri=\""
                + Pattern.quote(route) + "\"} ([0-9.E]+)").matcher(scrape);
        return sum.find() ? Double.parseDouble(sum.group(1)) : 0;
    }

    /** A loopback port free now, for the application's management server (the scrape is on it, not on the app's). */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void pump(InputStream stream, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.accept(line);
                }
            } catch (IOException ended) {
                // the application stopped
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private record Timing(long statements, long millis) {
    }
}
