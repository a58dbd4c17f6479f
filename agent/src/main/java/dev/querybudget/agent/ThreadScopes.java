package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.sink.FinishedThread;
import dev.querybudget.spi.EngineHooks;
import dev.querybudget.spi.Failures;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code outside-requests=per-thread}: statements outside any HTTP request (start-up, schedulers, consumers) are
 * reported per thread. A thread's scope opens at its first such statement and is reported when the thread next serves
 * a request, once it is {@link #WINDOW_SECONDS} seconds old, within {@link #SWEEP_MILLIS} ms of the thread's end, and
 * at JVM shutdown. It is named {@code thread <name>} with digits in the thread's name folded
 * ({@code thread scheduling-{n}}), so metric tags stay a bounded set.
 *
 * <p>Memory is bounded whatever the number of threads: at most {@link #MAX_OPEN} scopes are open at once (to open
 * one more, the scopes of ended threads are reported, then the oldest), a scope reported for a thread still running
 * lets go of its recording, and an ended thread's scope is reported and released without waiting for the window.
 */
final class ThreadScopes implements Predicate<Thread>, ThreadScopesMXBean {

    static final long WINDOW_SECONDS = 60;
    /** The most thread scopes open at once. */
    static final int MAX_OPEN = 1_000;
    /** How often ended threads' and old scopes are reported. */
    static final long SWEEP_MILLIS = 1_000;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final QueryBudgetSettings settings;
    private final Sinks sinks;
    /** The open scopes by thread, oldest first. Guarded by itself. */
    private final Map<Thread, Open> open = new LinkedHashMap<>();
    private int peak;
    private long reportedEarly;

    ThreadScopes(QueryBudgetSettings settings, Sinks sinks) {
        this.settings = settings;
        this.sinks = sinks;
    }

    /** Starts the periodic report of ended threads' and old scopes, and the one at shutdown. */
    void start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "querybudget-thread-scopes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> publish(removeEndedOrOlderThan(TimeUnit.SECONDS.toNanos(WINDOW_SECONDS))),
                SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> publish(removeEndedOrOlderThan(0)),
                "querybudget-shutdown"));
        EngineHooks.fallbackScopes(this);
    }

    /** Opens {@code thread}'s scope, on the thread itself, at a statement outside any request. */
    @Override
    public boolean test(Thread thread) {
        if (thread.getName().startsWith("querybudget-")) {
            return false;
        }
        QueryScope scope;
        try {
            scope = QueryRecorder.open("thread " + folded(thread.getName()), settings);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("opening a thread scope", failure);
            return false;
        }
        publish(admit(thread, scope)); // on this thread: a thread that opens scopes fast pays for the room it makes
        return true;
    }

    /** Reports {@code thread}'s scope, if it has one: called as the thread starts serving a request. */
    void report(Thread thread) {
        Open scope;
        synchronized (open) {
            scope = open.remove(thread);
        }
        if (scope != null) {
            publish(List.of(scope.scope()));
        }
    }

    /** Adds {@code thread}'s scope, making room first; returns the scopes taken out to make it. */
    private List<QueryScope> admit(Thread thread, QueryScope scope) {
        List<QueryScope> out = new ArrayList<>(1);
        synchronized (open) {
            Open previous = open.remove(thread);
            if (previous != null) {
                out.add(previous.scope());
            }
            Iterator<Open> oldestFirst = open.values().iterator();
            while (oldestFirst.hasNext()) { // ended threads at the head, as short-lived threads leave them
                Open head = oldestFirst.next();
                if (head.thread().isAlive()) {
                    break;
                }
                out.add(head.scope());
                oldestFirst.remove();
            }
            if (open.size() >= MAX_OPEN) {
                takeOut(entry -> !entry.thread().isAlive(), out);
            }
            for (oldestFirst = open.values().iterator(); open.size() >= MAX_OPEN && oldestFirst.hasNext(); ) {
                out.add(oldestFirst.next().scope());
                oldestFirst.remove();
                reportedEarly++;
            }
            open.put(thread, new Open(thread, scope, System.nanoTime()));
            peak = Math.max(peak, open.size());
        }
        return out;
    }

    /** Takes out the scopes of ended threads and those open for {@code nanos} or more (with 0: all). */
    private List<QueryScope> removeEndedOrOlderThan(long nanos) {
        long now = System.nanoTime();
        List<QueryScope> out = new ArrayList<>();
        synchronized (open) {
            takeOut(entry -> !entry.thread().isAlive() || now - entry.openedNanos() >= nanos, out);
        }
        return out;
    }

    private void takeOut(Predicate<Open> which, List<QueryScope> out) {
        for (Iterator<Open> scopes = open.values().iterator(); scopes.hasNext(); ) {
            Open scope = scopes.next();
            if (which.test(scope)) {
                out.add(scope.scope());
                scopes.remove();
            }
        }
    }

    private void publish(List<QueryScope> scopes) {
        for (QueryScope scope : scopes) {
            try {
                sinks.publish(new FinishedThread(scope.finish(), null, null));
            } catch (RuntimeException | LinkageError failure) {
                Failures.report("reporting a thread scope", failure);
            }
        }
    }

    @Override
    public int getOpenScopes() {
        synchronized (open) {
            return open.size();
        }
    }

    @Override
    public int getPeakOpenScopes() {
        synchronized (open) {
            return peak;
        }
    }

    @Override
    public int getMaxOpenScopes() {
        return MAX_OPEN;
    }

    @Override
    public long getScopesReportedEarly() {
        synchronized (open) {
            return reportedEarly;
        }
    }

    static String folded(String name) {
        return DIGITS.matcher(name).replaceAll("{n}");
    }

    private record Open(Thread thread, QueryScope scope, long openedNanos) {
    }
}
