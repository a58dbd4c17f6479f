package dev.querybudget.conformance.app;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database work of every scenario, written once: the HTTP endpoints run it in a request, core's and the JUnit
 * extension's scenarios run it in a scope or a test. Each method is one kind of finding, or none.
 */
public final class Work {

    /** Customers 1 and 2 have six orders each, of two items. */
    public static final int ORDERS = 6;

    private final JdbcTemplate jdbc;

    public Work(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void createSchema() {
        jdbc.execute("create schema if not exists conformance"); // the schema (PostgreSQL) the connection selects
        jdbc.execute("create table if not exists orders (id bigint primary key, customer_id bigint not null)");
        jdbc.execute("create table if not exists order_item (id bigint primary key, order_id bigint not null,"
                + " product varchar(50) not null)");
        jdbc.execute("create table if not exists imported (id bigint primary key, name varchar(50) not null)");
        jdbc.execute("delete from order_item");
        jdbc.execute("delete from orders");
        jdbc.execute("delete from imported");
        long item = 1;
        for (long order = 1; order <= 2 * ORDERS; order++) {
            jdbc.update("insert into orders (id, customer_id) values (?, ?)", order, order <= ORDERS ? 1 : 2);
            for (int k = 0; k < 2; k++) {
                jdbc.update("insert into order_item (id, order_id, product) values (?, ?, ?)", item++, order,
                        "product " + k);
            }
        }
    }

    /** N+1: the orders, then one query per order for its items (7 statements). */
    public List<Map<String, Object>> ordersWithItems(long customerId) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Long orderId : jdbc.queryForList("select id from orders where customer_id = ? order by id", Long.class,
                customerId)) {
            orders.add(Map.of("id", orderId, "items", jdbc.queryForList(
                    "select product from order_item where order_id = ? order by id", String.class, orderId)));
        }
        return orders;
    }

    /** The fix: one JOIN (1 statement, no finding). */
    public List<Map<String, Object>> ordersJoined(long customerId) {
        return jdbc.queryForList("select o.id, i.product from orders o join order_item i on i.order_id = o.id"
                + " where o.customer_id = ? order by o.id, i.id", customerId);
    }

    /** Duplicate: the same lookup, with the same key, twice. */
    public int duplicateLookup(long customerId) {
        int first = count(customerId);
        int second = count(customerId);
        return first + second;
    }

    private int count(long customerId) {
        return jdbc.queryForObject("select count(*) from orders where customer_id = ?", Integer.class, customerId);
    }

    /** Unbatched write: six single inserts of one shape. */
    public int importRows(long from) {
        int rows = 0;
        for (long id = from; id < from + 6; id++) {
            rows += jdbc.update("insert into imported (id, name) values (?, ?)", id, "row " + id);
        }
        return rows;
    }

    /** Over the budget of 10 alone: twelve different statements, none repeated. */
    public long twelveDifferentStatements() {
        long total = 0;
        for (int k = 0; k < 12; k++) {
            total += jdbc.queryForObject("select count(*) from orders t" + k, Long.class);
        }
        return total;
    }
}
