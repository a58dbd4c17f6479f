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

/** The starter in a real Spring Boot application over real HTTP: a scope per request, meters, endpoint, header. */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1",
                "management.endpoints.web.exposure.include=prometheus,querybudget",
                "management.prometheus.metrics.export.enabled=true",
                "querybudget.response-header.enabled=true"})
class ShopWebTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void theNPlusOneEndpointIsReportedAndCountedUnderItsRouteTemplate() throws Exception {
        HttpResponse<String> nPlusOne = get("/customers/1/orders");
        HttpResponse<String> joined = get("/customers/1/orders-joined");

        assertThat(nPlusOne.headers().firstValue("X-Query-Count")).hasValue("13");
        assertThat(joined.headers().firstValue("X-Query-Count")).hasValue("1");
        assertThat(registry.get("querybudget.findings").tag("kind", "N_PLUS_ONE")
                .tag("uri", "/customers/{customerId}/orders").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("querybudget.findings").tag("kind", "QUERY_BUDGET")
                .tag("uri", "/customers/{customerId}/orders").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("querybudget.findings").tag("uri", "/customers/{customerId}/orders-joined").counter())
                .isNull();
        assertThat(registry.get("querybudget.request.queries").tag("method", "GET")
                .tag("uri", "/customers/{customerId}/orders-joined").tag("datasource", "dataSource").summary()
                .totalAmount()).isEqualTo(1.0);

        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains(
                "querybudget_findings_total{kind=\"N_PLUS_ONE\",uri=\"/customers/{customerId}/orders\"} 1.0",
                "querybudget_request_queries_count{datasource=\"dataSource\",method=\"GET\","
                        + "uri=\"/customers/{customerId}/orders\"} 1");

        String endpoint = get("/actuator/querybudget").body();
        assertThat(endpoint).contains("\"kind\":\"N_PLUS_ONE\"",
                "\"sql\":\"select product, quantity from order_item where order_id = ?\"",
                "\"scope\":\"GET /customers/{customerId}/orders\"", "\"executions\":12");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
