package com.example.orders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.flashsale.Customer;
import dev.querybudget.flashsale.OrderItem;
import dev.querybudget.flashsale.Product;
import dev.querybudget.flashsale.PurchaseOrder;
import dev.querybudget.meter.MeterListing;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;

/**
 * The application the agent's end-to-end tests start in a JVM of their own: Tomcat, Hibernate ORM, HikariCP and H2,
 * with no QueryBudget code or dependency (only core's test jar, to list its meters).
 * {@code GET /orders/lazy/{customerId}} walks lazy items (an N+1), {@code GET /orders/fetch/{customerId}} uses one
 * JOIN FETCH, {@code GET /orders/fail/{customerId}} throws after the N+1, {@code /orders/bad/…} answers 400 and any
 * other {@code /orders/…} 404, each through the container's error page; {@code GET /async/orders/{customerId}} walks
 * the items in an async dispatch.
 */
public final class OrdersApp {

    private OrdersApp() {
    }

    public static void main(String[] args) throws Exception {
        io.micrometer.core.instrument.Metrics.addRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        System.out.println("java.version=" + System.getProperty("java.version"));
        int orders = 20;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(System.getProperty("orders.jdbc.url", "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1"));
        pool.setUsername(System.getProperty("orders.jdbc.user", ""));
        pool.setPassword(System.getProperty("orders.jdbc.password", ""));
        pool.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Customer.class).addAnnotatedClass(Product.class)
                .addAnnotatedClass(PurchaseOrder.class).addAnnotatedClass(OrderItem.class);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.getProperties().put("hibernate.hbm2ddl.auto", "create-drop");
        SessionFactory sessions = configuration.buildSessionFactory();
        seed(sessions, orders);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("orders-app").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "orders", new OrdersServlet(sessions));
        context.addServletMappingDecoded("/orders/*", "orders");
        Tomcat.addServlet(context, "async", new AsyncOrdersServlet(sessions)).setAsyncSupported(true);
        context.addServletMappingDecoded("/async/orders/*", "async");
        Tomcat.addServlet(context, "meters", new MetersServlet());
        context.addServletMappingDecoded("/meters", "meters");
        Tomcat.addServlet(context, "error", new ErrorServlet());
        context.addServletMappingDecoded("/error", "error");
        ErrorPage everyError = new ErrorPage(); // the default error page: a second dispatch of every failed request
        everyError.setLocation("/error");
        context.addErrorPage(everyError);
        tomcat.start();
        System.out.println("orders app listening on " + tomcat.getConnector().getLocalPort());
        tomcat.getServer().await();
    }

    private static void seed(SessionFactory sessions, int orders) {
        sessions.inTransaction(session -> {
            Customer customer = new Customer(1L, "Ada");
            session.persist(customer);
            Product product = new Product("flash-sale product", BigDecimal.TEN);
            session.persist(product);
            long itemId = 1;
            for (long o = 1; o <= orders; o++) {
                PurchaseOrder order = new PurchaseOrder(o, customer);
                for (int i = 0; i < 3; i++) {
                    order.addItem(new OrderItem(itemId++, order, product, i + 1));
                }
                session.persist(order);
            }
        });
    }

    /** The application's Micrometer meters and the agent's JMX totals, as text, for the tests to read. */
    static final class MetersServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            StringBuilder text = new StringBuilder();
            MeterListing.of(io.micrometer.core.instrument.Metrics.globalRegistry)
                    .forEach(line -> text.append(line).append('\n'));
            try {
                javax.management.ObjectName name = new javax.management.ObjectName("dev.querybudget:type=Agent");
                javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
                for (String attribute : new String[]{"Requests", "Statements", "NPlusOneFindings", "QueryBudgetFindings"}) {
                    text.append("jmx ").append(attribute).append('=').append(server.getAttribute(name, attribute)).append('\n');
                }
            } catch (javax.management.JMException e) {
                text.append("jmx unavailable: ").append(e).append('\n');
            }
            response.setContentType("text/plain");
            response.getWriter().print(text);
        }
    }

    /** The container's error page, for every method: {@code error <status>}. */
    static final class ErrorServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().println("error " + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        }
    }

    /**
     * {@code GET /async/orders/{customerId}}: counts the customer's orders, goes async, and walks their lazy items in
     * the async dispatch the container runs next (on another of its threads).
     */
    static final class AsyncOrdersServlet extends HttpServlet {

        private final transient SessionFactory sessions;

        AsyncOrdersServlet(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long customerId = Long.parseLong(request.getPathInfo().substring(1));
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                sessions.fromSession(session -> session.createNativeQuery(
                        "select count(*) from orders where customer_id = :id", Long.class)
                        .setParameter("id", customerId).getSingleResult());
                AsyncContext async = request.startAsync();
                new Thread(async::dispatch, "orders-async").start();
                return;
            }
            int items = sessions.fromSession(session -> OrdersServlet.lazyItems(session, customerId));
            response.setContentType("text/plain");
            response.getWriter().println(items + " items");
        }
    }

    /** The endpoints, as plain servlet code. */
    static final class OrdersServlet extends HttpServlet {

        private final transient SessionFactory sessions;

        OrdersServlet(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String[] path = request.getPathInfo().split("/");
            if (path[1].equals("bad")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            long customerId = Long.parseLong(path[2]);
            int items = switch (path[1]) {
                case "lazy" -> sessions.fromSession(session -> lazyItems(session, customerId));
                case "fetch" -> sessions.fromSession(session -> fetchedItems(session, customerId));
                case "coupons" -> sessions.fromSession(session -> checkCoupon(session, request.getParameter("code")));
                case "fail" -> {
                    sessions.fromSession(session -> lazyItems(session, customerId));
                    throw new IllegalStateException("customer " + customerId + " may not see their orders");
                }
                default -> -1;
            };
            if (items < 0) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/plain");
            response.getWriter().println(items + " items");
        }

        private static int lazyItems(org.hibernate.Session session, long customerId) {
            List<PurchaseOrder> orders = session.createSelectionQuery(
                    "from PurchaseOrder o where o.customer.id = :id", PurchaseOrder.class)
                    .setParameter("id", customerId).getResultList();
            int items = 0;
            for (PurchaseOrder order : orders) {
                items += order.getItems().size();
            }
            return items;
        }

        /** Checks one coupon code once per order: the same statement, the same bind value, again and again. */
        private static int checkCoupon(org.hibernate.Session session, String code) {
            int valid = 0;
            for (int order = 0; order < 3; order++) {
                valid += session.createNativeQuery("select count(*) from customer where name = :code", Long.class)
                        .setParameter("code", code).getSingleResult().intValue();
            }
            return valid;
        }

        private static int fetchedItems(org.hibernate.Session session, long customerId) {
            List<PurchaseOrder> orders = session.createSelectionQuery(
                    "select distinct o from PurchaseOrder o join fetch o.items where o.customer.id = :id",
                    PurchaseOrder.class).setParameter("id", customerId).getResultList();
            int items = 0;
            for (PurchaseOrder order : orders) {
                items += order.getItems().size();
            }
            return items;
        }
    }
}
