package dev.querybudget.spring;

import com.example.shop.ShopApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code querybudget.mode=throw} fails a synchronous request with findings while its response is not committed, and
 * leaves an async answer whole (it is logged at WARN); {@code querybudget.ignore-urls} silences a route.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:throw;DB_CLOSE_DELAY=-1", "querybudget.mode=throw",
                "querybudget.ignore-urls=/customers/{customerId}/orders-joined"})
@ExtendWith(OutputCaptureExtension.class)
class ThrowModeWebTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShopApplication.RecentRequests recentRequests;

    @Test
    void aRequestWithFindingsFailsInThrowMode() throws Exception {
        assertThat(send("/customers/1/orders").statusCode()).isEqualTo(500);
        assertThat(send("/customers/1/orders-joined").statusCode()).isEqualTo(200);
        assertThat(registry.get("querybudget.findings").tag("kind", "N_PLUS_ONE")
                .tag("uri", "/customers/{customerId}/orders").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("querybudget.request.queries").tag("uri", "/customers/{customerId}/orders")
                .tag("outcome", "SERVER_ERROR").summary().count()).isEqualTo(1);
        assertThat(registry.find("querybudget.request.queries").tag("uri", "/customers/{customerId}/orders-joined")
                .summary()).as("an ignored route is not recorded").isNull();
        assertThat(recentRequests.lines()).noneMatch(line -> line.contains("orders-joined"));
    }

    @Test
    void theWriteThatMakesAFindingFailsInsideTheTransactionSoNothingIsCommitted(CapturedOutput output)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/imports?count=20")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from imported", Integer.class))
                .as("the insert that made the unbatched write fire failed, and the transaction rolled back")
                .isZero();
        assertThat(output.getOut()).contains("QueryBudget: 1 finding in \"POST /imports\": 5 statements (0 select,"
                + " 5 insert, 0 update, 0 delete, 0 other)");
    }

    @Test
    void asyncAnswersWithFindingsKeepTheirBodyAndAreLoggedAtWarn(CapturedOutput output) throws Exception {
        for (String endpoint : List.of("orders-callable", "orders-deferred")) {
            HttpResponse<String> response = send("/customers/1/" + endpoint);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("[{\"id\":1,\"items\":[{\"PRODUCT\":\"product 1\",\"QUANTITY\":1},"
                    + "{\"PRODUCT\":\"product 2\",\"QUANTITY\":1}]},").endsWith(",{\"id\":12,\"items\":["
                    + "{\"PRODUCT\":\"product 23\",\"QUANTITY\":1},{\"PRODUCT\":\"product 24\",\"QUANTITY\":1}]}]");
            assertThat(output.getOut().lines().filter(line -> line.contains("QueryBudget: 2 findings in"
                    + " \"GET /customers/{customerId}/" + endpoint + "\": 13 statements"))).singleElement().asString()
                    .contains(" WARN ");
        }
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
