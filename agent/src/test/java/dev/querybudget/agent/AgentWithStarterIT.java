package dev.querybudget.agent;

import com.example.shop.ShopLauncher;
import org.junit.jupiter.api.Test;
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
 * The agent beside the Spring starter in a real Spring Boot application, forked: attached at start-up, and attached
 * later to an application whose starter already counts. Either way one engine records each statement and each request
 * is reported once.
 */
class AgentWithStarterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Boot logs through java.util.logging here (slf4j-jdk14), whose root level it leaves at SEVERE. */
    private static final String LOG_LEVEL = "--logging.level.dev.querybudget=INFO";
    private static final String N_PLUS_ONE = "QueryBudget: 2 findings in \"GET /customers/{customerId}/orders\":"
            + " 13 statements (13 select, 0 insert, 0 update, 0 delete, 0 other)";

    @Test
    void withTheAgentAtStartUpTheStarterWrapsNoDataSourceAndSaysWhichPropertiesHaveNoEffect(@TempDir Path directory)
            throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start(List.of("-Dquerybudget.max-queries=10"), "json=" + json, ShopLauncher.class.getName(),
                "shop app listening on", true, "--server.port=0", LOG_LEVEL, "--querybudget.mode=throw",
                "--querybudget.threshold=3", "--querybudget.response-header.enabled=true");
        try {
            int port = Integer.parseInt(app.awaitReady());
            HttpResponse<String> response = get(port, "/customers/1/orders");
            assertThat(response.statusCode()).as("throw mode has no effect").isEqualTo(200);
            assertThat(response.body()).startsWith("[{").contains("\"id\":12");
            assertThat(response.headers().firstValue("X-Query-Count")).isEmpty();
            awaitReports(app, 1);
        } finally {
            app.close();
        }

        assertThat(app.stdout()).contains("data source bean com.zaxxer.hikari.HikariDataSource, no proxy");
        assertThat(app.stderr().lines().filter(line -> line.contains("QueryBudget agent is attached")))
                .singleElement().asString().endsWith("QueryBudget: the QueryBudget agent is attached and reports each"
                        + " request with its own options, so the starter wraps no DataSource and reports nothing (no"
                        + " response header, throw mode, meters or actuator entries of its own); these properties have"
                        + " no effect: querybudget.threshold, querybudget.mode, querybudget.response-header.enabled."
                        + " Give the agent its options instead: -javaagent:querybudget-agent.jar=key=value,"
                        + " -Dquerybudget.<key> or QUERYBUDGET_<KEY>.");
        assertThat(reports(app)).as("the agent's report, once").containsExactly(N_PLUS_ONE);
        assertThat(Files.readAllLines(json)).hasSize(2);
    }

    @Test
    void attachedLaterToAnApplicationWhoseStarterCountsTheAgentTakesOverAndEachRequestIsReportedOnce(
            @TempDir Path directory) throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start(null, ShopLauncher.class.getName(), "shop app listening on", true,
                "--server.port=0", LOG_LEVEL);
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(app.stdout()).contains("data source bean com.zaxxer.hikari.HikariDataSource behind a proxy");
            assertThat(get(port, "/customers/1/orders").statusCode()).isEqualTo(200);
            awaitReports(app, 1);

            assertThat(app.attachAgent("json=" + json)).contains("QueryBudget agent attached to " + app.pid());
            assertThat(get(port, "/customers/1/orders").statusCode()).isEqualTo(200);
            assertThat(get(port, "/customers/1/orders").statusCode()).isEqualTo(200);
            awaitReports(app, 3);
        } finally {
            app.close();
        }

        List<String> reports = reports(app);
        assertThat(reports).as("before the attach the starter's log, after it the agent's: 13 statements each time")
                .hasSize(3).allMatch(line -> line.endsWith(N_PLUS_ONE));
        assertThat(reports.get(0)).as("the starter's log line").isNotEqualTo(N_PLUS_ONE);
        assertThat(reports.subList(1, 3)).as("the agent's report").containsOnly(N_PLUS_ONE);
        List<String> findings = Files.readAllLines(json);
        assertThat(findings).hasSize(4);
        assertThat(findings).filteredOn(line -> line.contains("\"kind\":\"QUERY_BUDGET\""))
                .hasSize(2).allMatch(line -> line.contains("\"count\":13,"));
    }

    /** The first line of each report of the N+1 request, the starter's (logged) or the agent's (printed). */
    private static List<String> reports(ForkedJvm app) {
        return app.stderr().lines().filter(line -> line.contains("QueryBudget: 2 findings in")).toList();
    }

    private static void awaitReports(ForkedJvm app, int reports) throws InterruptedException {
        for (int wait = 0; wait < 100 && reports(app).size() < reports; wait++) {
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
