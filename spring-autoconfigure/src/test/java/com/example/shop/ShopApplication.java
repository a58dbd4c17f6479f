package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small Spring Boot application with plain JDBC: the flash sale's N+1 and its fix, behind real HTTP. */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    @RestController
    static class OrdersController {

        private final JdbcTemplate jdbc;

        OrdersController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** One query for the orders, then one per order for its items: the N+1. */
        @GetMapping("/customers/{customerId}/orders")
        List<Map<String, Object>> orders(@PathVariable long customerId) {
            List<Map<String, Object>> orders = new ArrayList<>();
            for (Long orderId : jdbc.queryForList("select id from orders where customer_id = ? order by id", Long.class,
                    customerId)) {
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
    }
}
