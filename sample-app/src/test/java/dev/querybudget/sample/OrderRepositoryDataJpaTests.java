package dev.querybudget.sample;

import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.querybudget.junit.QueryAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThat;

/** A {@code @DataJpaTest} slice: the starter's wrapping is part of it, so {@code @QueryBudget} counts with no set-up. */
@DataJpaTest
class OrderRepositoryDataJpaTests {

    @Autowired
    OrderRepository orders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @QueryBudget(select = 1, insert = 4)
    void theJoinFetchQueryIsOneStatement() {
        jdbc.update("insert into users (id, name) values (7, 'Grace')");
        jdbc.update("insert into product (id, name, price, featured) values (70, 'tea', 3, false)");
        jdbc.update("insert into orders (id, customer_id) values (70, 7)");
        jdbc.update("insert into order_item (id, order_id, product_id, quantity) values (700, 70, 70, 2)");

        assertThat(orders.findWithItemsByCustomerId(7L)).singleElement()
                .satisfies(order -> assertThat(order.getItems()).hasSize(1));
    }

    @Test
    void walkingLazyItemsInTheSliceIsAnNPlusOne() {
        jdbc.update("insert into users (id, name) values (8, 'Linus')");
        for (long id = 80; id < 84; id++) {
            jdbc.update("insert into orders (id, customer_id) values (?, 8)", id);
        }

        assertThatQueries(() -> orders.findByCustomerIdOrderById(8L).forEach(order -> order.getItems().size()))
                .hasSelectCount(5)
                .hasNPlusOneOn("select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0"
                        + " where i1_0.order_id = ? order by i1_0.id");
    }
}
