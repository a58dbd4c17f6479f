package org.springframework.samples.conformance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Application code in a package under {@code org.springframework.}, as the Spring PetClinic sample's is
 * ({@code org.springframework.samples.petclinic}): its N+1 must name this class, not come out without a call site.
 */
@RestController
public class OwnerController {

    private final JdbcTemplate jdbc;

    OwnerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The items of an owner's orders, one query per order: an N+1 in this class. */
    @GetMapping("/owners/{customerId}/items")
    int items(@PathVariable long customerId) {
        int items = 0;
        for (Long order : jdbc.queryForList("select id from orders where customer_id = ? order by id", Long.class,
                customerId)) {
            items += jdbc.queryForList("select id from order_item where order_id = ?", Long.class, order).size();
        }
        return items;
    }

    /** A keep-alive query, as pools and drivers send it between transactions, five times: never a finding. */
    @GetMapping("/owners/ping")
    int ping() {
        int answers = 0;
        for (int k = 0; k < 5; k++) {
            answers += jdbc.queryForObject("select 1", Integer.class);
        }
        return answers;
    }
}
