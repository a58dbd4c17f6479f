package com.example.shop;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.querybudget.Finding;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A small Spring Boot application with plain JDBC: the flash sale's N+1 and its fix, a request that fails after the
 * N+1, and the N+1 answered asynchronously (a {@code Callable}, a {@code DeferredResult}) with items loaded as the
 * response is written, the way open-in-view lazy loading does — behind real HTTP. It has a {@link ScopeSink} of its
 * own, as a user's application would.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** The application's own sink: QueryBudget hands it every finished request. */
    @Bean
    RecentRequests recentRequests() {
        return new RecentRequests();
    }

    /** Writes rows one by one in a transaction: an unbatched write, which throw mode must stop before it commits. */
    @RestController
    static class ImportController {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;

        ImportController(JdbcTemplate jdbc, TransactionTemplate transaction) {
            this.jdbc = jdbc;
            this.transaction = transaction;
        }

        @PostMapping("/imports")
        int importRows(@RequestParam int count) {
            return transaction.execute(status -> {
                int rows = 0;
                for (int id = 1; id <= count; id++) {
                    rows += jdbc.update("insert into imported (id, name) values (?, ?)", id, "row " + id);
                }
                return rows;
            });
        }
    }

    @RestController
    static class OrdersController {

        private final JdbcTemplate jdbc;
        private final AsyncTaskExecutor executor;

        OrdersController(JdbcTemplate jdbc, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
            this.jdbc = jdbc;
            this.executor = executor;
        }

        /** The N+1 fanned out: each order's items fetched on the application's task executor, then joined. */
        @GetMapping("/customers/{customerId}/orders-fanned-out")
        List<Map<String, Object>> ordersFannedOut(@PathVariable long customerId) {
            List<CompletableFuture<Map<String, Object>>> orders = orderIds(jdbc, customerId).stream()
                    .map(orderId -> CompletableFuture.supplyAsync(() -> Map.<String, Object>of("id", orderId, "items",
                            jdbc.queryForList("select product, quantity from order_item where order_id = ?", orderId)),
                            executor))
                    .toList();
            return orders.stream().map(CompletableFuture::join).toList();
        }

        /** One query for the orders, then one per order for its items: the N+1. */
        @GetMapping("/customers/{customerId}/orders")
        List<Map<String, Object>> orders(@PathVariable long customerId) {
            List<Map<String, Object>> orders = new ArrayList<>();
            for (Long orderId : orderIds(jdbc, customerId)) {
                orders.add(Map.of("id", orderId, "items", jdbc.queryForList(
                        "select product, quantity from order_item where order_id = ?", orderId)));
            }
            return orders;
        }

        /** The same in one JOIN. */
        @GetMapping("/customers/{customerId}/orders-joined")
        List<Map<String, Object>> ordersJoined(@PathVariable long customerId) {
            return jdbc.queryForList("select o.id, i.product, i.quantity from orders o join order_item i"
                    + " on i.order_id = o.id where o.customer_id = ? order by o.id", customerId);
        }

        /** The N+1, then an exception the application does not handle: the client gets a 500. */
        @GetMapping("/customers/{customerId}/orders-then-fail")
        List<Map<String, Object>> ordersThenFail(@PathVariable long customerId) {
            orders(customerId);
            throw new IllegalStateException("customer " + customerId + " may not see their orders");
        }

        /** The orders now, their items as the response is written, in the async dispatch. */
        @GetMapping("/customers/{customerId}/orders-callable")
        Callable<List<LazyOrder>> ordersCallable(@PathVariable long customerId) {
            List<Long> ids = orderIds(jdbc, customerId);
            return () -> ids.stream().map(id -> new LazyOrder(id, jdbc)).toList();
        }

        /** The same, completed from another thread. */
        @GetMapping("/customers/{customerId}/orders-deferred")
        DeferredResult<List<LazyOrder>> ordersDeferred(@PathVariable long customerId) {
            List<Long> ids = orderIds(jdbc, customerId);
            DeferredResult<List<LazyOrder>> result = new DeferredResult<>();
            CompletableFuture.runAsync(() -> result.setResult(ids.stream().map(id -> new LazyOrder(id, jdbc))
                    .toList()));
            return result;
        }

        private static List<Long> orderIds(JdbcTemplate jdbc, long customerId) {
            return jdbc.queryForList("select id from orders where customer_id = ? order by id", Long.class,
                    customerId);
        }
    }

    /** An order whose items are loaded when they are read: as JSON is written. */
    @JsonPropertyOrder({"id", "items"})
    public static final class LazyOrder {

        private final long id;
        private final JdbcTemplate jdbc;

        LazyOrder(long id, JdbcTemplate jdbc) {
            this.id = id;
            this.jdbc = jdbc;
        }

        public long getId() {
            return id;
        }

        public List<Map<String, Object>> getItems() {
            return jdbc.queryForList("select product, quantity from order_item where order_id = ?", id);
        }
    }

    /** The last requests QueryBudget reported, one line each, as the application might ship them elsewhere. */
    public static final class RecentRequests implements ScopeSink {

        private final Deque<String> lines = new ArrayDeque<>();

        @Override
        public synchronized void accept(FinishedScope scope) {
            if (scope instanceof FinishedRequest request) {
                lines.addLast("\"" + request.report().name() + "\" method=" + request.method() + " uri="
                        + request.uri() + " status=" + request.status() + " outcome=" + request.outcome()
                        + " exception=" + request.exception() + " statements=" + request.report().counts().total()
                        + " findings=" + request.report().findings().stream().map(Finding::kind).toList());
                if (lines.size() > 100) {
                    lines.removeFirst();
                }
            }
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
