package dev.querybudget.internal.scope;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ThreadMode;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.shape.Shape;
import dev.querybudget.internal.shape.ShapeCache;
import dev.querybudget.internal.shape.ShapedSql;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The engine's one piece of shared state: which scopes are open, and so which receive a statement.
 *
 * <p>A statement goes to every open scope of its own thread (nested scopes each count it) and to every open
 * {@link ThreadMode#ALL_THREADS} scope. Lookups on the statement path read one volatile array and allocate
 * nothing; opening and closing, which are rare, copy the arrays.
 */
public final class ScopeRegistry {

    private static final OpenScope[] NONE = new OpenScope[0];
    private static final Object[] NO_SCOPES = new Object[0];
    /** The DataSource name of statements the agent hands over: it wraps connections, not named beans. */
    private static final String FOREIGN_DATA_SOURCE = "agent";
    private static final ScopeRegistry INSTANCE = new ScopeRegistry();

    /**
     * The open scopes of each thread, innermost last: an {@code OpenScope[]}, or, with none open, {@link #NO_SCOPES}.
     * A pooled thread keeps its entry between requests (no set-up per request), and an idle entry holds a JDK type
     * only, so it pins none of QueryBudget's classes (and no web application's class loader) to the thread.
     */
    private final ThreadLocal<Object[]> threadScopes = ThreadLocal.withInitial(() -> NO_SCOPES);
    private volatile Downstream[] downstream = new Downstream[0];
    private volatile boolean agentAttached;
    private volatile Predicate<Thread> fallback;
    private volatile OpenScope[] allThreadScopes = NONE;
    private final AtomicInteger open = new AtomicInteger();

    ScopeRegistry() {
    }

    static {
        try {
            AgentHandover.offer(INSTANCE);
        } catch (NoClassDefFoundError agentsOwnCopy) {
            // The agent's jar leaves AgentHandover out: this copy is the agent's engine, with no one to hand over to.
        }
    }

    public static ScopeRegistry get() {
        return INSTANCE;
    }

    private volatile boolean installed;

    /** Notes that something in this JVM now feeds statements to the registry (a wrapper, the agent). */
    public void markInstalled() {
        installed = true;
    }

    /** Whether anything in this JVM feeds statements to the registry. */
    public boolean isInstalled() {
        return installed;
    }

    /** Whether no scope is open anywhere, here or in an engine downstream: the statement path's first test. */
    public boolean isIdle() {
        if (open.get() != 0 || fallback != null) {
            return false;
        }
        for (Downstream engine : downstream) {
            if (engine.listening().getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a scope of this engine is open: what an engine upstream asks before it hands a statement over. */
    public boolean hasOpenScopes() {
        return open.get() != 0;
    }

    /**
     * Adds an engine that receives every statement this one records while {@code listening} says it has a scope open,
     * as JDK types only: the SQL and
     * {@code [parameterHash, batchRows, listLength, nanos, failed (1 or 0)]}. This is how the agent's engine hands
     * its statements to the application's own copy of QueryBudget (see {@code AgentHandover}).
     */
    public synchronized void addDownstream(BiConsumer<String, long[]> engine, BooleanSupplier listening) {
        Downstream[] grown = Arrays.copyOf(downstream, downstream.length + 1);
        grown[downstream.length] = new Downstream(engine, listening);
        downstream = grown;
    }

    /**
     * Sets what happens to a statement whose thread has no scope open: {@code opener} may open one on the thread, with
     * {@link #open}, and says whether it did (the agent's per-thread scopes for start-up and scheduler work); if not,
     * the statement goes unrecorded.
     */
    public void fallbackScopes(Predicate<Thread> opener) {
        fallback = opener;
    }

    /** Notes that the agent wraps every connection of this JVM, so this engine wraps none itself. */
    public void agentAttached() {
        agentAttached = true;
        installed = true;
    }

    public boolean isAgentAttached() {
        return agentAttached;
    }

    /** Records a statement another engine wrapped and timed (the agent's, for this copy of QueryBudget). */
    public void recordForeign(String sql, long[] facts) {
        try {
            ShapedSql shaped = ShapeCache.shared().shape(sql);
            record(shaped.shape(), (int) facts[2], facts[0], (int) facts[1], facts[3], facts[4] != 0, null, false,
                    FOREIGN_DATA_SOURCE);
        } catch (RuntimeException | StackOverflowError failure) {
            FailOpen.report("recording a statement from the agent", failure);
        }
    }

    public OpenScope open(String name, QueryBudgetSettings settings) {
        OpenScope scope = new OpenScope(name, settings, Thread.currentThread());
        if (settings.threadMode() == ThreadMode.ALL_THREADS) {
            synchronized (this) {
                allThreadScopes = append(allThreadScopes, scope);
            }
        } else {
            threadScopes.set(append(ownScopes(), scope));
        }
        open.incrementAndGet();
        return scope;
    }

    /** Gives an open scope its final name, e.g. a request's route template, known only after routing. */
    public void rename(OpenScope scope, String name) {
        scope.rename(name);
    }

    /** Stops {@code scope} from receiving statements. Idempotent. Call it on the thread that opened the scope. */
    public void close(OpenScope scope) {
        if (!scope.markClosed()) {
            return;
        }
        if (scope.settings().threadMode() == ThreadMode.ALL_THREADS) {
            synchronized (this) {
                allThreadScopes = remove(allThreadScopes, scope);
            }
        } else if (Thread.currentThread() == scope.owner()) {
            OpenScope[] left = remove(ownScopes(), scope);
            threadScopes.set(left.length == 0 ? NO_SCOPES : left);
        }
        // Closed on another thread: the owner's list keeps a closed scope, which record() skips and the owner's
        // next open or close on that thread sweeps out.
        open.decrementAndGet();
    }

    /**
     * Makes the open {@code scope} receive the current thread's statements too, as if opened here (work of its unit
     * continuing on this thread: an async request's next dispatch). Idempotent; does nothing for a closed scope or an
     * every-thread one, which sees every thread already.
     */
    public void attach(OpenScope scope) {
        if (scope.closed || scope.settings().threadMode() == ThreadMode.ALL_THREADS) {
            return;
        }
        OpenScope[] own = ownScopes();
        for (OpenScope attached : own) {
            if (attached == scope) {
                return;
            }
        }
        threadScopes.set(append(own, scope));
    }

    /** Stops {@code scope} from receiving the current thread's statements; it stays open elsewhere. Idempotent. */
    public void detach(OpenScope scope) {
        if (scope.settings().threadMode() == ThreadMode.ALL_THREADS) {
            return;
        }
        OpenScope[] left = remove(ownScopes(), scope);
        threadScopes.set(left.length == 0 ? NO_SCOPES : left);
    }

    /**
     * Records one execution into every scope that wants it. The stack is walked at most once, and only when a
     * scope wants a call site (see {@link CallSites.Sample}); bind values are rendered only when a scope opted in to them.
     */
    public void record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                       boolean failed, BindValues bindings, String sql, String dataSource) {
        for (Downstream engine : downstream) {
            if (engine.listening().getAsBoolean()) {
                engine.statements().accept(sql, new long[]{parameterHash, batchRows, listLength, nanos, failed ? 1 : 0});
            }
        }
        record(shape, listLength, parameterHash, batchRows, nanos, failed, bindings, true, dataSource);
    }

    private void record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                        boolean failed, BindValues bindings, boolean renderable,
                        String dataSource) {
        OpenScope[] own = ownScopes();
        Predicate<Thread> opener = fallback;
        if (opener != null && !hasLiveScope(own) && opener.test(Thread.currentThread())) {
            own = ownScopes();
        }
        OpenScope[] shared = allThreadScopes;
        if (own.length == 0 && shared.length == 0) {
            return;
        }
        CallSites.Sample callSite = new CallSites.Sample();
        String parameters = null; // rendered once, for the first scope that opted in to them
        for (int pass = 0; pass < 2; pass++) {
            OpenScope[] scopes = pass == 0 ? own : shared;
            for (OpenScope scope : scopes) {
                if (scope.closed) {
                    continue;
                }
                ScopeRecording recording = scope.recording();
                String sample = null;
                if (renderable && scope.settings().includeParameters() && recording.wantsParameterSample(shape)) {
                    if (parameters == null) {
                        parameters = bindings == null ? "[]" : bindings.render();
                    }
                    sample = parameters;
                }
                recording.record(shape, listLength, parameterHash, batchRows, nanos, failed, callSite, scope.settings(),
                        sample, dataSource);
            }
        }
    }

    private OpenScope[] ownScopes() {
        Object[] scopes = threadScopes.get();
        return scopes.length == 0 ? NONE : (OpenScope[]) scopes;
    }

    private static boolean hasLiveScope(OpenScope[] scopes) {
        for (OpenScope scope : scopes) {
            if (!scope.closed) {
                return true;
            }
        }
        return false;
    }

    private static OpenScope[] append(OpenScope[] scopes, OpenScope scope) {
        OpenScope[] live = sweep(scopes);
        OpenScope[] grown = Arrays.copyOf(live, live.length + 1);
        grown[live.length] = scope;
        return grown;
    }

    /** {@code scopes} without {@code scope} and without any closed scope. */
    private static OpenScope[] remove(OpenScope[] scopes, OpenScope scope) {
        int kept = 0;
        for (OpenScope s : scopes) {
            if (s != scope && !s.closed) {
                kept++;
            }
        }
        if (kept == 0) {
            return NONE;
        }
        OpenScope[] left = new OpenScope[kept];
        int k = 0;
        for (OpenScope s : scopes) {
            if (s != scope && !s.closed) {
                left[k++] = s;
            }
        }
        return left;
    }

    private static OpenScope[] sweep(OpenScope[] scopes) {
        for (OpenScope s : scopes) {
            if (s.closed) {
                return remove(scopes, null);
            }
        }
        return scopes;
    }

    /** An engine that receives this one's statements while it {@code listening}. */
    private record Downstream(BiConsumer<String, long[]> statements, BooleanSupplier listening) {
    }
}
