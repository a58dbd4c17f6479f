package dev.querybudget.conformance.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.samples.conformance.OwnerController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The application every front is tried on: Spring Boot, Spring MVC, JdbcTemplate, H2. Run with the agent, with the
 * starter, or with both; it prints {@code conformance app listening on <port>} when ready and serves its meters
 * at {@code /conformance/meters}.
 */
@SpringBootApplication
@Import(OwnerController.class)
public class ConformanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConformanceApplication.class, args);
    }

    /** One registry for both fronts: the starter's MeterRegistry bean, and in Micrometer's global registry, the agent's. */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        return registry;
    }

    @Bean
    Work work(JdbcTemplate jdbc) {
        Work work = new Work(jdbc);
        work.createSchema();
        return work;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        System.out.println("conformance app listening on " + environment.getProperty("local.server.port"));
    }

    @RestController
    static class Endpoints {

        private final Work work;
        private final MeterRegistry meters;

        Endpoints(Work work, MeterRegistry meters) {
            this.work = work;
            this.meters = meters;
        }

        @GetMapping("/customers/{customerId}/orders")
        List<Map<String, Object>> orders(@PathVariable long customerId) {
            return work.ordersWithItems(customerId);
        }

        @GetMapping("/customers/{customerId}/orders-joined")
        List<Map<String, Object>> ordersJoined(@PathVariable long customerId) {
            return work.ordersJoined(customerId);
        }

        @GetMapping("/customers/{customerId}/order-count")
        int orderCount(@PathVariable long customerId) {
            return work.duplicateLookup(customerId);
        }

        @PostMapping("/imports")
        int imports(@RequestParam long from) {
            return work.importRows(from);
        }

        @GetMapping("/report")
        long report() {
            return work.twelveDifferentStatements();
        }

        /** An N+1, then the request fails: a 500 that must still be reported. */
        @GetMapping("/customers/{customerId}/failing")
        String failing(@PathVariable long customerId) {
            work.ordersWithItems(customerId);
            throw new IllegalStateException("the request failed after its N+1");
        }

        @GetMapping("/health/orders")
        int healthOrders() {
            return work.ordersWithItems(1).size(); // an N+1 on an ignored route
        }

        @GetMapping("/async/customers/{customerId}/callable")
        Callable<String> callable(@PathVariable long customerId) {
            return () -> "callable: " + work.ordersJoined(customerId).size() + " rows";
        }

        @GetMapping("/async/customers/{customerId}/deferred")
        DeferredResult<String> deferred(@PathVariable long customerId) {
            int rows = work.ordersJoined(customerId).size();
            DeferredResult<String> result = new DeferredResult<>();
            CompletableFuture.runAsync(() -> result.setResult("deferred: " + rows + " rows"));
            return result;
        }

        /** QueryBudget's meters, one line each: name, sorted tags, description, base unit, count and total. */
        @GetMapping("/conformance/meters")
        ResponseEntity<String> meters() {
            TreeSet<String> lines = new TreeSet<>();
            for (Meter meter : meters.getMeters()) {
                Meter.Id id = meter.getId();
                if (!id.getName().startsWith("querybudget.")) {
                    continue;
                }
                String tags = id.getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining(","));
                String values = meter instanceof DistributionSummary summary
                        ? "count=" + summary.count() + " total=" + (long) summary.totalAmount()
                        : meter instanceof Counter counter ? "count=" + (long) counter.count() : "";
                lines.add(id.getName() + "{" + tags + "} " + values + " | " + id.getDescription() + " | "
                        + id.getBaseUnit());
            }
            return ResponseEntity.ok(String.join("\n", lines));
        }
    }
}
