package dev.querybudget.agent;

import com.example.orders.OrdersApp;
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

/** {@code java -jar querybudget-agent.jar <pid> [options]} on a running application, its pool already full. */
class DynamicAttachIT {

    @Test
    void attachesToARunningJvmAndWrapsPooledConnectionsAtTheirNextCheckout(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ForkedJvm app = ForkedJvm.start(null, OrdersApp.class.getName(), "orders app listening on", false);
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(app.attachAgent("json=" + json)).contains("QueryBudget agent attached to " + app.pid());

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/orders/lazy/1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body().trim()).isEqualTo("60 items");
        } finally {
            app.close();
        }

        List<String> lines = Files.readAllLines(json);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"kind\":\"QUERY_BUDGET\"", "\"count\":21,");
        assertThat(lines.get(1)).contains("\"kind\":\"N_PLUS_ONE\"", "\"route\":\"/orders/lazy/{id}\"", "\"count\":20,");
    }
}
