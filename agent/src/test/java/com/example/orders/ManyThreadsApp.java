package com.example.orders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many short-lived threads, each running one statement outside any request, in waves: each wave's threads all run
 * their statement, then wait until the whole wave has, then end. Virtual threads where the JDK has them (21+),
 * platform threads before. Prints what the agent's JMX beans then say, for the tests to read; no QueryBudget code.
 *
 * <p>Arguments: how many virtual threads, how many platform threads (where there are no virtual ones), threads per
 * wave.
 */
public final class ManyThreadsApp {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private ManyThreadsApp() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(virtualThreads() ? args[0] : args[1]);
        int wave = Integer.parseInt(args[2]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:threads;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(8);
        AtomicLong failures = new AtomicLong();
        long highestSeen = 0;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            System.out.println("running " + threads + " " + (virtualThreads() ? "virtual" : "platform") + " threads");
            for (int started = 0; started < threads; started += wave) {
                CountDownLatch ran = new CountDownLatch(wave);
                CountDownLatch end = new CountDownLatch(1);
                List<Thread> running = new ArrayList<>(wave);
                for (int t = 0; t < wave; t++) {
                    Thread thread = newThread(() -> {
                        try {
                            selectOne(pool);
                        } catch (SQLException | RuntimeException e) {
                            failures.incrementAndGet();
                        } finally {
                            ran.countDown();
                        }
                        awaitQuietly(end);
                    });
                    thread.start();
                    running.add(thread);
                }
                ran.await();
                highestSeen = Math.max(highestSeen, threadScopes("OpenScopes"));
                end.countDown();
                for (Thread thread : running) {
                    thread.join();
                }
            }
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((threadScopes("OpenScopes") > 0 || statementsReported() < threads) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.println("failed statements " + failures.get());
        System.out.println("statements reported " + statementsReported());
        System.out.println("open thread scopes " + threadScopes("OpenScopes"));
        System.out.println("open thread scopes at the height of a wave, at most " + highestSeen);
        System.out.println("peak open thread scopes " + threadScopes("PeakOpenScopes"));
        System.out.println("max open thread scopes " + threadScopes("MaxOpenScopes"));
        System.out.println("done");
    }

    private static void selectOne(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
        }
    }

    private static long statementsReported() throws Exception {
        return ((Number) JMX.getAttribute(new ObjectName("dev.querybudget:type=Agent"), "Statements")).longValue();
    }

    private static long threadScopes(String attribute) throws Exception {
        try {
            return ((Number) JMX.getAttribute(new ObjectName("dev.querybudget:type=ThreadScopes"), attribute))
                    .longValue();
        } catch (InstanceNotFoundException notYet) {
            return -1;
        }
    }

    private static boolean virtualThreads() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException beforeJdk21) {
            return false;
        }
    }

    /** A virtual thread on JDK 21 and later (this class is compiled for 17), else a platform thread. */
    private static Thread newThread(Runnable task) throws ReflectiveOperationException {
        if (!virtualThreads()) {
            return new Thread(task);
        }
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class)
                .invoke(builder, task);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
