package dev.querybudget.agent;

import com.example.orders.OrdersApp;
import dev.querybudget.flashsale.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in a real forked JVM — Tomcat, Hibernate ORM, HikariCP, and H2 (PostgreSQL and MariaDB too in the
 * {@code real-databases} profile), no QueryBudget code — with real HTTP requests. Runs on the JVM
 * {@code querybudget.it.java} names (JDK 17 by default, JDK 25 in CI's second leg).
 */
class AgentEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "on {0}")
    @MethodSource("dev.querybudget.flashsale.Database#selected")
    void findsTheNPlusOneOfARequestWithItsRouteAndCallSiteAndNothingOnTheFixedOne(Database database,
                                                                                 @TempDir Path directory)
            throws Exception {
        Path json = directory.resolve("findings.jsonl");
        String secret = "COUPON-SECRET-4711";
        Database.Isolated isolated = database.isolated();
        ForkedJvm app = ForkedJvm.start(List.of("-Dorders.jdbc.url=" + isolated.url(),
                        "-Dorders.jdbc.user=" + (database == Database.H2 ? "" : database.user()),
                        "-Dorders.jdbc.password=" + (database == Database.H2 ? "" : database.password())),
                "json=" + json + ",threshold=5", OrdersApp.class.getName(), "orders app listening on", false);
        try {
            int port = Integer.parseInt(app.awaitReady());
            System.out.println("the forked application runs on " + app.stdout().lines().findFirst().orElseThrow());
            assertThat(get(port, "/orders/lazy/1")).isEqualTo("60 items");
            assertThat(get(port, "/orders/fetch/1")).isEqualTo("60 items");
            assertThat(get(port, "/orders/coupons/1?code=" + secret)).isEqualTo("0 items");
            // A plain servlet application matches no route template: its requests are all uri=UNKNOWN, as Spring's
            // http.server.requests would tag them; their routes are in the reports and the JSON.
            assertThat(get(port, "/meters").lines().sorted().toList()).containsExactly(
                    "jmx NPlusOneFindings=1",
                    "jmx QueryBudgetFindings=1",
                    "jmx Requests=3",
                    "jmx Statements=25",
                    "querybudget.findings{kind=DUPLICATE,method=GET,uri=UNKNOWN} COUNTER"
                            + " \"QueryBudget findings in HTTP requests, by kind\" count=1",
                    "querybudget.findings{kind=N_PLUS_ONE,method=GET,uri=UNKNOWN} COUNTER"
                            + " \"QueryBudget findings in HTTP requests, by kind\" count=1",
                    "querybudget.findings{kind=QUERY_BUDGET,method=GET,uri=UNKNOWN} COUNTER"
                            + " \"QueryBudget findings in HTTP requests, by kind\" count=1",
                    "querybudget.request.queries{method=GET,outcome=SUCCESS,uri=UNKNOWN} DISTRIBUTION_SUMMARY queries"
                            + " \"Statements per HTTP request\" count=3 total=25");
        } finally {
            app.close();
            isolated.close();
        }

        List<String> lines = Files.readAllLines(json);
        // What README's agent section shows, kept from each run to paste from.
        Files.writeString(Files.createDirectories(Path.of("target", "agent-end-to-end")).resolve("stderr.txt"),
                app.stderr());
        Files.write(Path.of("target", "agent-end-to-end", "findings.jsonl"), lines);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"timestamp\":\"").contains(
                "\"method\":\"GET\",\"route\":\"/orders/lazy/{id}\",\"kind\":\"QUERY_BUDGET\",\"fingerprint\":\"",
                "\",\"scope\":\"GET /orders/lazy/{id}\"",
                "\"count\":21,", "\"limit\":\"total\",\"allowed\":10");
        assertThat(lines.get(1)).contains(
                "\"method\":\"GET\",\"route\":\"/orders/lazy/{id}\",\"kind\":\"N_PLUS_ONE\",\"fingerprint\":\"",
                "\",\"scope\":\"GET /orders/lazy/{id}\"",
                "\"sql\":\"select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0"
                        + " where i1_0.order_id = ?\"",
                "\"count\":20,\"distinctParameterSets\":20,",
                "\"callSite\":\"com.example.orders.OrdersApp$OrdersServlet.lazyItems(OrdersApp.java:",
                "\"stack\":[\"com.example.orders.OrdersApp$OrdersServlet.lazyItems(OrdersApp.java:");
        assertThat(lines.get(2)).contains("\"route\":\"/orders/coupons/{id}\",\"kind\":\"DUPLICATE\"",
                "\"sql\":\"select count(*) from customer where name = ?\"", "\"count\":3,\"distinctParameterSets\":1,");
        assertThat(lines).noneMatch(line -> line.contains("/orders/fetch"));
        assertThat(app.stderr()).contains("QueryBudget: 2 findings in \"GET /orders/lazy/{id}\": 21 statements (21 select,")
                .doesNotContain("/orders/fetch");
        assertThat(String.join("\n", lines) + app.stderr() + app.stdout()).doesNotContain(secret);
    }

    @Test
    void statementsOutsideRequestsAreReportedPerThreadWhenAsked(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start("json=" + json + ",outside-requests=per-thread", OrdersApp.class.getName(),
                "orders app listening on", false);
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(get(port, "/orders/fetch/1")).isEqualTo("60 items");
        } finally {
            app.close();
        }

        List<String> lines = Files.readAllLines(json);
        assertThat(lines).as("the start-up's seed, reported for the main thread at shutdown")
                .anyMatch(line -> line.contains("\"scope\":\"thread main\"") && line.contains("\"kind\":\"UNBATCHED_WRITE\"")
                        && line.contains("\"sql\":\"insert into order_item(order_id, product_id, quantity, id)"
                        + " values (?, ?, ?, ?)\"") && line.contains("\"count\":60,"))
                .noneMatch(line -> line.contains("\"route\":\"/orders/fetch/{id}\""));
    }

    @Test
    void withoutTheSettingStatementsOutsideRequestsAreNotReported(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start("json=" + json, OrdersApp.class.getName(), "orders app listening on", false);
        try {
            app.awaitReady();
        } finally {
            app.close();
        }

        assertThat(json).doesNotExist();
    }

    @Test
    void aBadOptionPrintsOneLineAndTheApplicationStillStartsAndServes() throws Exception {
        ForkedJvm app = ForkedJvm.start("threshold=1,log=true", OrdersApp.class.getName(),
                "orders app listening on", false);
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(get(port, "/orders/lazy/1")).isEqualTo("60 items");
        } finally {
            app.close();
        }

        assertThat(app.stderr().lines().filter(line -> line.contains("QueryBudget")).toList()).containsExactly(
                "QueryBudget agent: option 'threshold' was '1', accepted: a whole number of at least 2. The agent is"
                        + " off; the application starts without it.");
    }

    @Test
    void anUnknownOptionIsNamedWithTheOptionsAccepted() throws Exception {
        ForkedJvm app = ForkedJvm.start("treshold=5", OrdersApp.class.getName(), "orders app listening on", false);
        try {
            app.awaitReady();
        } finally {
            app.close();
        }

        assertThat(app.stderr()).contains("QueryBudget agent: option 'treshold' is not a QueryBudget setting,"
                + " accepted: one of application-packages, enabled, ignore-call-sites, ignore-shapes, ignore-urls,"
                + " include-parameters, json, log, max-queries, outside-requests, skip-frames, threshold (did you mean"
                + " 'threshold'?). The agent is off; the application starts without it.");
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().trim();
    }
}
