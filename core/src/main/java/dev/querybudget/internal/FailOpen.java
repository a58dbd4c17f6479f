package dev.querybudget.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where QueryBudget puts its own failures so that they never reach the application.
 *
 * <p>Each distinct failure (the place and the exception class) is logged once, with its stack trace,
 * through {@link System.Logger}; repeats are only counted.
 */
public final class FailOpen {

    private static final System.Logger LOG = System.getLogger("dev.querybudget");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FAILURES = new AtomicLong();

    private FailOpen() {
    }

    /** Records that QueryBudget failed while {@code doing}; the caller then carries on without it. */
    public static void report(String doing, Throwable failure) {
        FAILURES.incrementAndGet();
        try {
            if (SEEN.size() < 100 && SEEN.add(doing + '|' + failure.getClass().getName())) {
                LOG.log(Level.WARNING, "QueryBudget failed while " + doing
                        + "; the application goes on unaffected. Further failures of this kind are"
                        + " counted, not logged.", failure);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // Logging itself failed: there is nowhere left to report to.
        }
    }

    /**
     * Like {@link #report}, for a failure whose message or stack trace may carry the application's data (a bind
     * value's own {@code hashCode} or {@code toString} threw): the log names what QueryBudget was doing, which should
     * name the value's type, and the class of the failure, never its message, its cause or its stack.
     */
    public static void reportWithoutDetail(String doing, Throwable failure) {
        FAILURES.incrementAndGet();
        try {
            String kind = failure.getClass().getName();
            if (SEEN.size() < 100 && SEEN.add(doing + '|' + kind)) {
                LOG.log(Level.WARNING, "QueryBudget failed while " + doing + " (" + kind
                        + "); the application goes on unaffected. Further failures of this kind are counted, not"
                        + " logged.");
            }
        } catch (RuntimeException | LinkageError ignored) {
            // Logging itself failed: there is nowhere left to report to.
        }
    }

    /** How many failures QueryBudget has swallowed in this JVM. */
    public static long failureCount() {
        return FAILURES.get();
    }
}
