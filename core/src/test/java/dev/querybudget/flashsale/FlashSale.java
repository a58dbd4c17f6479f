package dev.querybudget.flashsale;

import dev.querybudget.QueryRecorder;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The flash-sale story on real Hibernate ORM and a real database (H2, PostgreSQL or MariaDB): one customer, {@code orders} orders of three items each,
 * over five products. The DataSource Hibernate uses is wrapped by QueryBudget.
 */
public final class FlashSale implements AutoCloseable {

    public static final long CUSTOMER_ID = 1L;

    private final DataSource dataSource;
    private final SessionFactory sessionFactory;
    private final Database.Isolated database;

    private FlashSale(DataSource dataSource, SessionFactory sessionFactory, Database.Isolated database) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.database = database;
    }

    /** A fresh in-memory H2 database with {@code orders} orders; {@code settings} are extra Hibernate settings. */
    public static FlashSale seed(int orders, Map<String, Object> settings) {
        return seed(Database.H2, orders, settings);
    }

    /** A fresh database of its own on {@code on}, with {@code orders} orders. */
    public static FlashSale seed(Database on, int orders, Map<String, Object> settings) {
        Database.Isolated database = on.isolated();
        DataSource dataSource = QueryRecorder.wrap(database.dataSource());
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Customer.class)
                .addAnnotatedClass(Product.class)
                .addAnnotatedClass(PurchaseOrder.class)
                .addAnnotatedClass(OrderItem.class);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.getProperties().put("hibernate.hbm2ddl.auto", "create-drop");
        configuration.getProperties().put("hibernate.show_sql", "false");
        configuration.getProperties().putAll(settings);
        SessionFactory sessionFactory = configuration.buildSessionFactory();
        FlashSale sale = new FlashSale(dataSource, sessionFactory, database);
        sale.insert(orders);
        return sale;
    }

    private void insert(int orders) {
        sessionFactory.inTransaction(session -> {
            Customer customer = new Customer(CUSTOMER_ID, "Ada");
            session.persist(customer);
            Product[] products = new Product[5];
            for (int p = 0; p < products.length; p++) {
                products[p] = new Product("product " + p, BigDecimal.valueOf(10 + p));
                session.persist(products[p]);
            }
            long itemId = 1;
            for (long o = 1; o <= orders; o++) {
                PurchaseOrder order = new PurchaseOrder(o, customer);
                for (int i = 0; i < 3; i++) {
                    order.addItem(new OrderItem(itemId++, order, products[(int) ((o + i) % products.length)], i + 1));
                }
                session.persist(order);
            }
        });
    }

    /** The customer's orders, items left lazy: walking them is the N+1. */
    public static List<PurchaseOrder> ordersOfCustomer(Session session) {
        return ordersOfCustomer(session, CUSTOMER_ID);
    }

    public static List<PurchaseOrder> ordersOfCustomer(Session session, long customerId) {
        return session.createSelectionQuery("from PurchaseOrder o where o.customer.id = :id", PurchaseOrder.class)
                .setParameter("id", customerId)
                .getResultList();
    }

    /** The customer's orders with their items, in one JOIN FETCH: the fix. */
    public static List<PurchaseOrder> ordersWithItems(Session session) {
        return ordersWithItems(session, CUSTOMER_ID);
    }

    public static List<PurchaseOrder> ordersWithItems(Session session, long customerId) {
        return session.createSelectionQuery(
                        "select distinct o from PurchaseOrder o join fetch o.items where o.customer.id = :id",
                        PurchaseOrder.class)
                .setParameter("id", customerId)
                .getResultList();
    }

    /** Another customer with {@code orders} orders of one item each; returns the customer's id. */
    public long customerWithOrders(int orders) {
        long customerId = NEXT_ID.incrementAndGet();
        sessionFactory.inTransaction(session -> {
            Customer customer = new Customer(customerId, "customer " + customerId);
            session.persist(customer);
            Product product = session.createSelectionQuery("from Product order by id", Product.class)
                    .setMaxResults(1).getSingleResult();
            for (int o = 0; o < orders; o++) {
                PurchaseOrder order = new PurchaseOrder(NEXT_ID.incrementAndGet(), customer);
                order.addItem(new OrderItem(NEXT_ID.incrementAndGet(), order, product, 1));
                session.persist(order);
            }
        });
        return customerId;
    }

    /** Ids for customers, orders and items added after the seed, clear of the seed's own. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        sessionFactory.close();
        database.close();
    }
}
