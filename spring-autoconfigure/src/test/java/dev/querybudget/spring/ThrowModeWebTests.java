package dev.querybudget.spring;

import com.example.shop.ShopApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code querybudget.mode=throw} fails a request with findings; {@code querybudget.ignore-urls} silences a route. */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:throw;DB_CLOSE_DELAY=-1", "querybudget.mode=throw",
                "querybudget.ignore-urls=/customers/{customerId}/orders-joined"})
class ThrowModeWebTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void aRequestWithFindingsFailsInThrowMode() throws Exception {
        assertThat(status("/customers/1/orders")).isEqualTo(500);
        assertThat(status("/customers/1/orders-joined")).isEqualTo(200);
        assertThat(registry.get("querybudget.findings").tag("kind", "N_PLUS_ONE").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("querybudget.request.queries").tag("uri", "/customers/{customerId}/orders-joined")
                .summary()).as("an ignored route is not recorded").isNull();
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
