package dev.querybudget.agent;

import com.example.orders.OtherProtocolApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of QueryBudget of another hand-over protocol version in the application: the agent stands back. */
class HandoverProtocolIT {

    @Test
    void onAnotherProtocolVersionTheAgentSaysSoOnceAndWrapsAndReportsNothing(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start("json=" + json, OtherProtocolApp.class.getName(), "orders app listening on",
                false);
        String meters;
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(get(port, "/orders/lazy/1")).isEqualTo("60 items");
            meters = get(port, "/meters");
        } finally {
            app.close();
        }

        assertThat(app.stderr().lines().filter(line -> line.contains("QueryBudget"))).containsExactly(
                "QueryBudget agent: the application's own QueryBudget speaks hand-over protocol 2 and this agent"
                        + " protocol 1, so they cannot be one engine. The agent stands back (it wraps no further"
                        + " connection and reports no further request) and the application's QueryBudget counts on"
                        + " its own; use the agent of the application's QueryBudget version.");
        assertThat(meters).contains("jmx Requests=0", "jmx Statements=0");
        assertThat(json).doesNotExist();
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body().trim();
    }
}
