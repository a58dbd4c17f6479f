package dev.querybudget.agent.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * What the advice inlined into the JDK's executors, fork/join tasks and threads calls to carry the submitting thread's
 * scopes to the thread a task runs on. It lives on the bootstrap class path (the agent appends a jar of this package at
 * start-up), where the JDK's classes can see it, so it refers to JDK types only; the agent installs the
 * {@link #installed} carrier, which reaches the agent's engine.
 *
 * <p>Tasks that are not wrapped (a fork/join task, a thread) have their captured scopes kept beside them in a weak
 * identity map until they run. Nothing is captured while the submitting thread has no scope open. Every method is
 * fail-open: the task then runs as if there were no agent.
 */
public abstract class Carrier {

    /** The agent's carrier; {@code null} until the agent has started, and then nothing is carried. */
    public static volatile Carrier installed;

    /** Scopes captured for tasks and threads that are not wrapped, by identity, until they run. */
    private static final ConcurrentHashMap<Key, Object> CAPTURED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    /** Set while a {@code ThreadPoolExecutor} starts a worker thread: its scopes belong to the first task only. */
    private static final ThreadLocal<Object> STARTING_WORKER = new ThreadLocal<>();

    /** The current thread's scopes, or {@code null} when it has none. */
    protected abstract Object capture();

    /** Attaches {@code captured} to the current thread; returns what it had before (never {@code null}). */
    protected abstract Object attach(Object captured);

    /** Puts back what {@link #attach} returned. */
    protected abstract void restore(Object previous);

    /** Logs a failure of the carrying once. */
    protected abstract void failed(String doing, Throwable failure);

    /** {@code task}, wrapped to run with the current thread's scopes when it has any; else {@code task} itself. */
    public static Runnable wrap(Runnable task) {
        Carrier carrier = installed;
        if (carrier == null || task == null || task instanceof CarriedRunnable) {
            return task;
        }
        try {
            Object scopes = carrier.capture();
            return scopes == null ? task : new CarriedRunnable(task, scopes);
        } catch (Throwable failure) {
            carrier.failed("carrying a request's scope to an executor's task", failure);
            return task;
        }
    }

    /** {@code task}, wrapped to run with the current thread's scopes when it has any; else {@code task} itself. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        Carrier carrier = installed;
        if (carrier == null || task == null || task instanceof CarriedCallable) {
            return task;
        }
        try {
            Object scopes = carrier.capture();
            return scopes == null ? task : new CarriedCallable<>(task, scopes);
        } catch (Throwable failure) {
            carrier.failed("carrying a request's scope to an executor's task", failure);
            return task;
        }
    }

    /** Keeps the current thread's scopes, if it has any, for when {@code task} (a fork/join task) runs. */
    public static void captureFor(Object task) {
        Carrier carrier = installed;
        if (carrier == null) {
            return;
        }
        try {
            Object scopes = carrier.capture();
            if (scopes != null) {
                expunge();
                CAPTURED.put(new Key(task, COLLECTED), scopes);
            }
        } catch (Throwable failure) {
            carrier.failed("carrying a request's scope to a fork/join task", failure);
        }
    }

    /**
     * As a fork/join task is forked (again): keeps the current thread's scopes for it, or, when the thread has none,
     * forgets those kept for an earlier run. A {@code CountedCompleter} such as a parallel stream's forks itself from
     * its own {@code compute}, so a task may run more than once.
     */
    public static void recaptureFor(Object task) {
        Carrier carrier = installed;
        if (carrier == null) {
            return;
        }
        try {
            Object scopes = carrier.capture();
            if (scopes != null) {
                expunge();
                CAPTURED.put(new Key(task, COLLECTED), scopes);
            } else if (!CAPTURED.isEmpty()) {
                CAPTURED.remove(new Key(task, null));
            }
        } catch (Throwable failure) {
            carrier.failed("carrying a request's scope to a fork/join task", failure);
        }
    }

    /**
     * Keeps the current thread's scopes for {@code thread}, about to start, unless it is a pool's worker (a
     * {@code ForkJoinPool}'s, or a {@code ThreadPoolExecutor}'s, whose tasks carry their own).
     */
    public static void captureForThread(Thread thread) {
        if (installed == null || thread instanceof ForkJoinWorkerThread || STARTING_WORKER.get() != null) {
            return;
        }
        captureFor(thread);
    }

    /** Marks (with {@code true}) and unmarks the current thread as starting a {@code ThreadPoolExecutor}'s worker. */
    public static void startingWorker(boolean starting) {
        if (starting) {
            STARTING_WORKER.set(Boolean.TRUE);
        } else {
            STARTING_WORKER.remove();
        }
    }

    /**
     * Attaches the scopes kept for {@code task} (a fork/join task, which may run again: they stay kept while it lives)
     * to the current thread.
     *
     * @return what to hand to {@link #detach(Object)} when it ends; {@code null} when nothing was kept
     */
    public static Object attachFor(Object task) {
        return attach(task, false);
    }

    /** Attaches the scopes kept for {@code thread}, starting to run, and forgets them. */
    public static Object attachForThread(Object thread) {
        return attach(thread, true);
    }

    private static Object attach(Object task, boolean once) {
        Carrier carrier = installed;
        if (carrier == null || CAPTURED.isEmpty()) {
            return null;
        }
        try {
            Key key = new Key(task, null);
            Object scopes = once ? CAPTURED.remove(key) : CAPTURED.get(key);
            return scopes == null ? null : carrier.attach(scopes);
        } catch (Throwable failure) {
            carrier.failed("attaching a request's scope to a task", failure);
            return null;
        }
    }

    /** Attaches {@code scopes} to the current thread; returns what to hand to {@link #detach(Object)}, or null. */
    static Object attach(Carrier carrier, Object scopes) {
        try {
            return carrier.attach(scopes);
        } catch (Throwable failure) {
            carrier.failed("attaching a request's scope to a task", failure);
            return null;
        }
    }

    /** Puts back what the current thread had before {@link #attachFor}; {@code null}: nothing to do. */
    public static void detach(Object previous) {
        Carrier carrier = installed;
        if (previous == null || carrier == null) {
            return;
        }
        try {
            carrier.restore(previous);
        } catch (Throwable failure) {
            carrier.failed("detaching a request's scope from a task", failure);
        }
    }

    /** How many tasks and threads have scopes kept for them (collected ones not swept yet included). */
    public static int kept() {
        return CAPTURED.size();
    }

    private static void expunge() {
        for (Object collected; (collected = COLLECTED.poll()) != null; ) {
            CAPTURED.remove(collected);
        }
    }

    /** A key by identity that does not keep its task alive. */
    static final class Key extends WeakReference<Object> {

        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key key)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == key.get();
        }
    }
}
