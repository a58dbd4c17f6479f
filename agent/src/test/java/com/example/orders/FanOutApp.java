package com.example.orders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * A servlet application that fans its work out, with no QueryBudget code: {@code GET /fanout/{kind}/{id}} runs one
 * statement on the request's thread and ten ({@code select … where order_id = ?}, one per order) on other threads,
 * and waits for them: {@code pool} on a {@code ThreadPoolExecutor}, {@code invokeall} the same through
 * {@code invokeAll}, {@code scheduled} on a {@code ScheduledThreadPoolExecutor}, {@code async} with {@code CompletableFuture.supplyAsync} on its default pool, {@code asyncpool}
 * on the pool, {@code parallel} in a parallel stream, {@code thread} on new threads, {@code virtual} on a virtual
 * thread per task and {@code vthread} on {@code Thread.ofVirtual().start} (JDK 21+; 501 before).
 * {@code GET /fanout/throwing/{id}} runs one statement on a single-thread pool in a task that then throws, and then
 * has a thread outside any request hand that pool's thread another task with one statement;
 * {@code GET /fanout/throwingexecute/{id}} the same through {@code execute}. {@code GET /stats}: how
 * many statements the application ran.
 */
public final class FanOutApp {

    static final AtomicLong STATEMENTS = new AtomicLong();
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    static final ExecutorService SINGLE = Executors.newSingleThreadExecutor();
    static final ScheduledExecutorService SCHEDULED = Executors.newScheduledThreadPool(2);
    /** Tasks a thread outside any request hands to {@link #SINGLE}. */
    static final BlockingQueue<Runnable> OUTSIDE = new LinkedBlockingQueue<>();

    private FanOutApp() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:fanout;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(40);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("create table items (id int primary key, order_id int)");
            connection.createStatement().execute("insert into items select x, mod(x, 10) from system_range(1, 30)");
        }
        Thread job = new Thread(() -> { // a start-up job: a thread of its own, started by one with statements
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("select count(*) from items");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "startup-job");
        job.start();
        job.join();
        Thread outside = new Thread(() -> {
            try {
                while (true) {
                    SINGLE.submit(OUTSIDE.take());
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "outside-requests");
        outside.setDaemon(true);
        outside.start();

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("fanout-app").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "fanout", new FanOutServlet(pool));
        context.addServletMappingDecoded("/fanout/*", "fanout");
        Tomcat.addServlet(context, "stats", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print(STATEMENTS.get());
            }
        });
        context.addServletMappingDecoded("/stats", "stats");
        tomcat.start();
        System.out.println("java.feature=" + Runtime.version().feature());
        System.out.println("fanout app listening on " + tomcat.getConnector().getLocalPort());
        tomcat.getServer().await();
    }

    static final class FanOutServlet extends HttpServlet {

        private final transient HikariDataSource pool;

        FanOutServlet(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String kind = request.getPathInfo().split("/")[1];
            try {
                count();
                if (kind.equals("throwing")) {
                    throwing();
                } else if (kind.equals("throwingexecute")) {
                    throwingExecute();
                } else if (!fanOut(kind)) {
                    response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
                    return;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            response.setContentType("text/plain");
            response.getWriter().print("ok");
        }

        private boolean fanOut(String kind) throws Exception {
            switch (kind) {
                case "pool" -> awaitAll(tasks().stream().map(POOL::submit).toList());
                case "invokeall" -> awaitAll(POOL.invokeAll(tasks()));
                case "scheduled" -> awaitAll(tasks().stream()
                        .map(task -> SCHEDULED.schedule(task, 1, TimeUnit.MILLISECONDS)).toList());
                case "async" -> IntStream.range(0, 10).mapToObj(order -> CompletableFuture.supplyAsync(() -> item(order)))
                        .toList().forEach(CompletableFuture::join);
                case "asyncpool" -> IntStream.range(0, 10)
                        .mapToObj(order -> CompletableFuture.supplyAsync(() -> item(order), POOL))
                        .toList().forEach(CompletableFuture::join);
                case "parallel" -> IntStream.range(0, 10).parallel().forEach(this::item);
                case "thread" -> {
                    List<Thread> threads = new ArrayList<>();
                    for (int order = 0; order < 10; order++) {
                        int o = order;
                        Thread thread = new Thread(() -> item(o));
                        thread.start();
                        threads.add(thread);
                    }
                    for (Thread thread : threads) {
                        thread.join();
                    }
                }
                case "virtual" -> {
                    if (Runtime.version().feature() < 21) {
                        return false;
                    }
                    ExecutorService virtual = (ExecutorService) Executors.class
                            .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
                    try {
                        awaitAll(virtual.invokeAll(tasks()));
                    } finally {
                        virtual.shutdown();
                    }
                }
                case "vthread" -> {
                    if (Runtime.version().feature() < 21) {
                        return false;
                    }
                    List<Thread> threads = new ArrayList<>();
                    for (int order = 0; order < 10; order++) {
                        int o = order;
                        threads.add((Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
                                .invoke(null, (Runnable) () -> item(o)));
                    }
                    for (Thread thread : threads) {
                        thread.join();
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** One statement in a pooled task that throws, then one in a task of that thread handed over outside. */
        private void throwing() throws Exception {
            Future<?> failing = SINGLE.submit(() -> {
                item(1);
                throw new IllegalStateException("the task fails after its statement");
            });
            try {
                failing.get();
            } catch (ExecutionException expected) {
                // as the task meant
            }
            CompletableFuture<Integer> next = new CompletableFuture<>();
            OUTSIDE.put(() -> next.complete(item(2)));
            next.get();
        }

        /** The same with a task handed over by {@code execute}, which the pool's thread does not survive. */
        private void throwingExecute() throws Exception {
            CompletableFuture<Integer> ran = new CompletableFuture<>();
            SINGLE.execute(() -> {
                ran.complete(item(1));
                throw new IllegalStateException("the task fails after its statement");
            });
            ran.get();
            CompletableFuture<Integer> next = new CompletableFuture<>();
            OUTSIDE.put(() -> next.complete(item(2)));
            next.get();
        }

        private List<Callable<Integer>> tasks() {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int order = 0; order < 10; order++) {
                int o = order;
                tasks.add(() -> item(o));
            }
            return tasks;
        }

        private static void awaitAll(List<? extends Future<?>> futures) throws Exception {
            for (Future<?> future : futures) {
                future.get();
            }
        }

        private void count() throws SQLException {
            try (Connection connection = pool.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("select count(*) from items")) {
                STATEMENTS.incrementAndGet();
                rows.next();
            }
        }

        /** The statement the fan-out runs per order: one call site. */
        private int item(int order) {
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "select id, order_id from items where order_id = ?")) {
                statement.setInt(1, order);
                try (ResultSet rows = statement.executeQuery()) {
                    STATEMENTS.incrementAndGet();
                    int n = 0;
                    while (rows.next()) {
                        n++;
                    }
                    return n;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
