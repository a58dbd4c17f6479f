package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.sink.FinishedThread;
import dev.querybudget.spi.EngineHooks;
import dev.querybudget.spi.Failures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code outside-requests=per-thread}: statements outside any HTTP request (start-up, schedulers, consumers) are
 * reported per thread. A thread's scope opens at its first such statement and is reported when the thread next serves
 * a request, once it is {@link #WINDOW_SECONDS} seconds old, and at JVM shutdown. It is named {@code thread <name>}
 * with digits in the thread's name folded ({@code thread scheduling-{n}}), so metric tags stay a bounded set.
 */
final class ThreadScopes implements Predicate<Thread> {

    static final long WINDOW_SECONDS = 60;

    private final QueryBudgetSettings settings;
    private final Sinks sinks;
    private final Map<Thread, Open> open = new ConcurrentHashMap<>();

    ThreadScopes(QueryBudgetSettings settings, Sinks sinks) {
        this.settings = settings;
        this.sinks = sinks;
    }

    /** Starts the periodic report of old scopes and the one at shutdown. */
    void start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "querybudget-thread-scopes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> reportOlderThan(TimeUnit.SECONDS.toNanos(WINDOW_SECONDS)), WINDOW_SECONDS,
                WINDOW_SECONDS / 4, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> reportOlderThan(-1), "querybudget-shutdown"));
        EngineHooks.fallbackScopes(this);
    }

    /** Opens {@code thread}'s scope, on the thread itself, at a statement outside any request. */
    @Override
    public boolean test(Thread thread) {
        if (thread.getName().startsWith("querybudget-")) {
            return false;
        }
        try {
            QueryScope scope = QueryRecorder.open("thread " + folded(thread.getName()), settings);
            open.put(thread, new Open(scope, System.nanoTime()));
            return true;
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("opening a thread scope", failure);
            return false;
        }
    }

    /** Reports {@code thread}'s scope, if it has one: called as the thread starts serving a request. */
    void report(Thread thread) {
        Open scope = open.remove(thread);
        if (scope != null) {
            publish(scope.scope());
        }
    }

    private void reportOlderThan(long nanos) {
        long now = System.nanoTime();
        open.forEach((thread, scope) -> {
            if ((nanos < 0 || now - scope.openedNanos() >= nanos) && open.remove(thread, scope)) {
                publish(scope.scope());
            }
        });
    }

    private void publish(QueryScope scope) {
        try {
            sinks.publish(new FinishedThread(scope.finish(), null, null));
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("reporting a thread scope", failure);
        }
    }

    static String folded(String name) {
        return name.replaceAll("\\d+", "{n}");
    }

    private record Open(QueryScope scope, long openedNanos) {
    }
}
