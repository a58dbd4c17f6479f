package dev.querybudget.agent;

import com.example.orders.HibernateMappingsApp;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the agent alone (no QueryBudget jar on the application's class path, so no Hibernate {@code Integrator} of
 * QueryBudget's), every SessionFactory Hibernate builds reaches the agent's engine, which names its associations.
 */
class AgentHibernateMappingsIT {

    private static final String ITEMS = "select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity"
            + " from order_item i1_0 where i1_0.order_id = ?";
    private static final String ORDERS = "select po1_0.id, po1_0.customer_id from orders po1_0 where po1_0.customer_id = ?";
    private static final String PRODUCT = "select p1_0.id, p1_0.name, p1_0.price from product p1_0 where p1_0.id = ?";
    private static final String CUSTOMERS = "select c1_0.id, c1_0.name from customer c1_0";

    @Test
    void theAgentRegistersTheApplicationsSessionFactory() throws Exception {
        try (ForkedJvm app = ForkedJvm.start("log=false", HibernateMappingsApp.class.getName(), "done", false,
                ITEMS, ORDERS, PRODUCT, ITEMS, CUSTOMERS, CUSTOMERS)) {
            app.awaitReady();

            assertThat(Arrays.stream(app.stdout().split("\n")).filter(line -> line.startsWith("association: ")))
                    .as(app.stdout() + "\n" + app.stderr())
                    .containsExactly("association: PurchaseOrder.items", "association: OrderItem.product",
                            "association: null");
            assertThat(app.stderr()).doesNotContain("QueryBudget failed");
        }
    }
}
