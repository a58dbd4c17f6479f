package dev.querybudget.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The flash sale's data: user 1 with {@code sample.seed.orders} orders (500 by default) of three items each, over
 * {@code sample.seed.products} products, the first five featured. Inserted in JDBC batches at start-up.
 */
@Component
class SeedData implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final int orders;
    private final int products;

    SeedData(JdbcTemplate jdbc, @Value("${sample.seed.orders:500}") int orders,
             @Value("${sample.seed.products:50}") int products) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.products = products;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("select count(*) from users", Long.class) > 0) {
            return;
        }
        jdbc.update("insert into users (id, name) values (1, 'Ada')");
        List<Object[]> productRows = new ArrayList<>();
        for (long p = 1; p <= products; p++) {
            productRows.add(new Object[]{p, "product " + p, BigDecimal.valueOf(5 + p % 20), p <= 5});
        }
        jdbc.batchUpdate("insert into product (id, name, price, featured) values (?, ?, ?, ?)", productRows);
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        long item = 1;
        for (long o = 1; o <= orders; o++) {
            orderRows.add(new Object[]{o, 1L});
            for (int i = 0; i < 3; i++) {
                itemRows.add(new Object[]{item++, o, 1 + (o * 3 + i) % products, 1 + i});
            }
        }
        jdbc.batchUpdate("insert into orders (id, customer_id) values (?, ?)", orderRows);
        jdbc.batchUpdate("insert into order_item (id, order_id, product_id, quantity) values (?, ?, ?, ?)", itemRows);
    }
}
