package dev.querybudget.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's actuator, as its {@code application.properties} sets it up: the {@code querybudget} and
 * {@code prometheus} endpoints answer on a management port bound to loopback, and not on the application's port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sample.seed.orders=5", "management.server.port=0"})
class ManagementPortTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int applicationPort;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void theEndpointsAnswerOnTheManagementPort() throws Exception {
        assertThat(status(managementPort, "/actuator/querybudget")).isEqualTo(200);
        assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
    }

    @Test
    void theApplicationPortHasNoActuator() throws Exception {
        assertThat(managementPort).isNotEqualTo(applicationPort);
        assertThat(status(applicationPort, "/actuator/querybudget")).isEqualTo(404);
        assertThat(status(applicationPort, "/actuator/prometheus")).isEqualTo(404);
        assertThat(status(applicationPort, "/users/1/orders/fetched")).isEqualTo(200);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws IOException {
        // The kernel's tables of listening TCP sockets: local address and port in hex, state 0A is LISTEN. Java binds
        // an IPv6 socket where it can, so 127.0.0.1 shows there as the IPv4-mapped ::ffff:127.0.0.1.
        String port = String.format(Locale.ROOT, "%04X", managementPort);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readAllLines(Path.of(table)).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields[3].equals("0A") && fields[1].endsWith(":" + port))
                    .forEach(fields -> listening.add(fields[1]));
        }

        assertThat(listening).singleElement()
                .isIn("0100007F:" + port, "0000000000000000FFFF00000100007F:" + port);
    }

    private static int status(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
