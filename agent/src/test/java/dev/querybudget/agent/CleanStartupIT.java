package dev.querybudget.agent;

import com.example.orders.OrdersApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent starts without a warning of its making, on the JDK the build runs on (CI runs it on 17 and 25): on JDK
 * 24+ Byte Buddy's Nexus would call {@code sun.misc.Unsafe} and the JVM would print its four-line warning.
 */
class CleanStartupIT {

    @Test
    void anApplicationWithTheAgentPrintsNoWarning() throws Exception {
        try (ForkedJvm app = ForkedJvm.start("log=false", OrdersApp.class.getName(), "orders app listening on", false)) {
            int port = Integer.parseInt(app.awaitReady());
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/orders/lazy/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body().trim()).isEqualTo("60 items");

            List<String> stderr = Arrays.asList(app.stderr().split("\n"));
            assertThat(stderr).as(app.stderr())
                    .noneMatch(line -> line.startsWith("WARNING:"))
                    .noneMatch(line -> line.contains("Unsafe"))
                    .noneMatch(line -> line.contains("querybudget") && line.contains("Exception"));
        }
    }
}
