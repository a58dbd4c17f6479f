package com.example.orders;

import dev.querybudget.flashsale.Customer;
import dev.querybudget.flashsale.OrderItem;
import dev.querybudget.flashsale.Product;
import dev.querybudget.flashsale.PurchaseOrder;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.lang.reflect.Method;

/**
 * Builds a Hibernate ORM SessionFactory over the flash-sale entities, with no QueryBudget code of its own, then asks
 * the agent's copy of QueryBudget (relocated, on the system class path) which association each known shape loads, and
 * prints one {@code association: <label or null>} line per shape, then {@code done}.
 */
public final class HibernateMappingsApp {

    /** Where the agent's shade plugin relocates core's {@code HibernateMappings}. */
    static final String AGENT_COPY = "dev.querybudget.agent.shaded.core.internal.hibernate.HibernateMappings";

    private HibernateMappingsApp() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:mappings;DB_CLOSE_DELAY=-1");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Customer.class).addAnnotatedClass(Product.class)
                .addAnnotatedClass(PurchaseOrder.class).addAnnotatedClass(OrderItem.class);
        configuration.getProperties().put("hibernate.connection.datasource", h2);
        configuration.getProperties().put("hibernate.hbm2ddl.auto", "create-drop");
        try (SessionFactory sessions = configuration.buildSessionFactory()) {
            Method associationFor = ClassLoader.getSystemClassLoader().loadClass(AGENT_COPY)
                    .getMethod("associationFor", String.class, String.class);
            for (int i = 0; i + 1 < args.length; i += 2) {
                Object association = associationFor.invoke(null, args[i], args[i + 1]);
                System.out.println("association: " + (association == null ? null
                        : association.getClass().getMethod("label").invoke(association)));
            }
        }
        System.out.println("done");
    }
}
