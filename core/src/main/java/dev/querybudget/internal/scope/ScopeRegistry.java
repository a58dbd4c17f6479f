package dev.querybudget.internal.scope;

import dev.querybudget.Finding;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ThreadMode;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.shape.Shape;
import dev.querybudget.internal.shape.Dialect;
import dev.querybudget.internal.shape.ShapeCache;
import dev.querybudget.internal.shape.ShapedSql;
import dev.querybudget.spi.HandoverProtocol;

import java.util.Map;
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
 *
 * <p>With the agent attached, the agent's copy of this registry is the JVM's one engine and this copy, the
 * application's, is linked to it by the {@link HandoverProtocol} (see {@link EngineLink}). This copy looks for the
 * agent lazily, at its first scope, its first wrap or the first question about the agent, and again when a late
 * agent asks it to.
 */
public final class ScopeRegistry {

    private static final OpenScope[] NONE = ScopeLists.NONE;
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
    private final EngineLink link = new EngineLink();
    private volatile boolean lookedForAgent;
    private volatile boolean agentAttached;
    private volatile boolean installed;
    private volatile Predicate<Thread> fallback;
    private volatile OpenScope[] allThreadScopes = NONE;
    private final AtomicInteger open = new AtomicInteger();
    /** Scopes closed because their thread opened too many ({@link #MAX_OPEN_PER_THREAD}): leaked, almost surely. */
    private final java.util.concurrent.atomic.AtomicLong leaked = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The most scopes open at once on one thread: 64, far deeper than any nesting of tests, requests and blocks of
     * code. Opening one more closes the thread's oldest open scope, which was left open (its {@code finish()} still
     * reports what it saw until then), so a statement records into at most this many scopes however many leak.
     */
    public static final int MAX_OPEN_PER_THREAD = 64;

    ScopeRegistry() {
    }

    public static ScopeRegistry get() {
        return INSTANCE;
    }

    /** Looks for the agent the first time this copy is used; {@link AgentHandover#offer()} looks again on request. */
    private void lookForAgentOnce() {
        if (lookedForAgent) {
            return;
        }
        lookedForAgent = true;
        try {
            AgentHandover.offer(this);
        } catch (NoClassDefFoundError agentsOwnCopy) {
            // The agent's jar leaves AgentHandover out: this copy is the agent's engine, with no one to hand over to.
        }
    }

    /** Notes that something in this JVM now feeds statements to the registry (a wrapper, the agent). */
    public void markInstalled() {
        lookForAgentOnce();
        installed = true;
    }

    /** Whether anything in this JVM feeds statements to the registry. */
    public boolean isInstalled() {
        lookForAgentOnce();
        return installed;
    }

    /**
     * Whether no scope is open anywhere — here, in an application engine downstream, or, once linked, in the agent's
     * engine upstream: the statement path's first test.
     */
    public boolean isIdle() {
        EngineLink.Upstream up = link.upstream();
        if (up != null) {
            return up.idle().getAsBoolean();
        }
        return open.get() == 0 && fallback == null && !link.downstreamListening();
    }

    /**
     * Per thread, how deep inside wrapped statements it is and when the outermost began
     * ({@link HandoverProtocol#TIMING_DEPTH}, {@link HandoverProtocol#TIMING_STARTED}): shared with the agent's
     * engine once linked, so that only the outermost wrapper of either copy records a statement.
     */
    public ThreadLocal<long[]> statementTiming() {
        return link.timing();
    }

    /** Whether a scope of this engine is open: what an engine upstream asks before it hands a statement over. */
    public boolean hasOpenScopes() {
        return open.get() != 0;
    }

    /**
     * The agent's side of the {@link HandoverProtocol}: links an application engine ({@code application} holds its
     * entries) downstream of this one and returns this engine's entries for it.
     */
    public Map<String, Object> linkDownstream(Map<String, Object> application) {
        BiConsumer<String, long[]> relay = this::recordRelayed;
        BooleanSupplier idle = this::isIdle;
        return link.linkDownstream(application, relay, idle);
    }

    /** This copy's entries for the {@link HandoverProtocol}, as the application's engine. */
    Map<String, Object> handoverEntries() {
        BiConsumer<String, long[]> statements = this::recordForeign;
        BooleanSupplier listening = this::hasOpenScopes;
        return Map.of(HandoverProtocol.STATEMENTS, statements, HandoverProtocol.LISTENING, listening);
    }

    /**
     * Links this copy, the application's, to the agent's engine ({@code agent} holds its entries): from now on it
     * wraps nothing new, its wrappers hand their statements up, and its fronts stand back.
     */
    void linkUpstream(Map<String, Object> agent) {
        link.linkUpstream(agent);
        agentAttached = true;
        installed = true;
    }

    /** Whether this copy is linked to the agent's engine. */
    boolean isLinked() {
        return link.upstream() != null;
    }

    /**
     * Sets what happens to a statement whose thread has no scope open: {@code opener} may open one on the thread, with
     * {@link #open}, and says whether it did (the agent's per-thread scopes for start-up and scheduler work); if not,
     * the statement goes unrecorded. {@code null} takes it away again.
     */
    public void fallbackScopes(Predicate<Thread> opener) {
        fallback = opener;
    }

    /** Whether this copy is linked to the agent's engine, which wraps every connection, so this one wraps none. */
    public boolean isAgentAttached() {
        lookForAgentOnce();
        return agentAttached;
    }

    /** Records, here only, a statement the agent's engine hands down to this copy, the application's. */
    void recordForeign(String sql, long[] facts) {
        try {
            recordLocally(sql, facts);
        } catch (RuntimeException | StackOverflowError failure) {
            FailOpen.report("recording a statement from the agent", failure);
        }
    }

    /** Records a statement the application's wrappers hand up to this copy, the agent's, and hands it down again. */
    void recordRelayed(String sql, long[] facts) {
        try {
            link.handDown(sql, facts);
            recordLocally(sql, facts);
        } catch (RuntimeException | StackOverflowError failure) {
            FailOpen.report("recording a statement from the application", failure);
        }
    }

    private void recordLocally(String sql, long[] facts) {
        Dialect dialect = facts.length > HandoverProtocol.DIALECT
                ? Dialect.ofCode(facts[HandoverProtocol.DIALECT]) : Dialect.GENERIC;
        ShapedSql shaped = ShapeCache.shared(dialect).shape(sql);
        record(shaped.shape(), (int) facts[HandoverProtocol.LIST_LENGTH], facts[HandoverProtocol.PARAMETER_HASH],
                (int) facts[HandoverProtocol.BATCH_ROWS], facts[HandoverProtocol.NANOS],
                facts[HandoverProtocol.FAILED] != 0, null, false, FOREIGN_DATA_SOURCE, null);
    }

    public OpenScope open(String name, QueryBudgetSettings settings) {
        lookForAgentOnce();
        OpenScope scope = new OpenScope(name, settings, Thread.currentThread());
        if (settings.threadMode() == ThreadMode.ALL_THREADS) {
            synchronized (this) {
                allThreadScopes = ScopeLists.append(allThreadScopes, scope);
            }
        } else {
            OpenScope[] scopes = ScopeLists.append(ownScopes(), scope);
            threadScopes.set(scopes.length > MAX_OPEN_PER_THREAD ? closeOldest(scopes) : scopes);
        }
        open.incrementAndGet();
        return scope;
    }

    /** The thread's scopes but the newest {@link #MAX_OPEN_PER_THREAD}, which it closes as left open. */
    private OpenScope[] closeOldest(OpenScope[] scopes) {
        int excess = scopes.length - MAX_OPEN_PER_THREAD;
        for (int k = 0; k < excess; k++) {
            if (scopes[k].markClosed()) {
                open.decrementAndGet();
                if (leaked.getAndIncrement() == 0) {
                    LeakWarning.log();
                }
            }
        }
        return java.util.Arrays.copyOfRange(scopes, excess, scopes.length);
    }

    /** How many scopes this copy closed because their thread had more than {@link #MAX_OPEN_PER_THREAD} open. */
    public long leakedScopes() {
        return leaked.get();
    }

    /** The one warning about leaked scopes; it names no scope, as a name may come from a request. */
    private static final class LeakWarning {
        static void log() {
            try {
                System.getLogger("dev.querybudget").log(System.Logger.Level.WARNING, "QueryBudget closed a scope left"
                        + " open: a thread had more than " + MAX_OPEN_PER_THREAD + " scopes open, so the oldest was"
                        + " closed. Finish every scope you open (try-with-resources). Further ones are counted, not"
                        + " logged.");
            } catch (RuntimeException | LinkageError ignored) {
                // Logging itself failed: there is nowhere left to report to.
            }
        }
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
                allThreadScopes = ScopeLists.remove(allThreadScopes, scope);
            }
        } else if (Thread.currentThread() == scope.owner()) {
            OpenScope[] left = ScopeLists.remove(ownScopes(), scope);
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
        threadScopes.set(ScopeLists.append(own, scope));
    }

    /** Stops {@code scope} from receiving the current thread's statements; it stays open elsewhere. Idempotent. */
    public void detach(OpenScope scope) {
        if (scope.settings().threadMode() == ThreadMode.ALL_THREADS) {
            return;
        }
        OpenScope[] left = ScopeLists.remove(ownScopes(), scope);
        threadScopes.set(left.length == 0 ? NO_SCOPES : left);
    }

    /**
     * Records one execution into every scope that wants it. The stack is walked at most once, and only when a
     * scope wants a call site (see {@link CallSites.Sample}); bind values are rendered only when a scope opted in to them.
     * Linked to the agent's engine, this copy hands the execution up instead, and receives it back while it has a
     * scope open.
     *
     * @return the finding the execution made fire in a scope that fails on findings, else {@code null}; always
     *         {@code null} when the agent's engine records (a finding is then only reported, never thrown)
     */
    public Finding record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                          boolean failed, BindValues bindings, String sql, String dataSource, RowCount rows) {
        return record(shape, listLength, parameterHash, batchRows, nanos, failed, bindings, sql, dataSource, rows,
                Dialect.GENERIC);
    }

    /** {@link #record(Shape, int, long, int, long, boolean, BindValues, String, String, RowCount)} in {@code dialect}. */
    public Finding record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                          boolean failed, BindValues bindings, String sql, String dataSource, RowCount rows,
                          Dialect dialect) {
        EngineLink.Upstream up = link.upstream();
        if (up != null) {
            up.statements().accept(sql, HandoverProtocol.statement(parameterHash, batchRows, listLength, nanos, failed,
                    dialect.code()));
            return null;
        }
        link.handDown(sql, parameterHash, batchRows, listLength, nanos, failed, dialect.code());
        return record(shape, listLength, parameterHash, batchRows, nanos, failed, bindings, true, dataSource, rows);
    }

    private Finding record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                        boolean failed, BindValues bindings, boolean renderable,
                        String dataSource, RowCount rows) {
        Thread current = Thread.currentThread();
        OpenScope[] own = ownScopes();
        Predicate<Thread> opener = fallback;
        if (opener != null && !ScopeLists.hasLive(own) && opener.test(current)) {
            own = openedByFallback();
        }
        OpenScope[] shared = allThreadScopes;
        if (own.length == 0 && shared.length == 0) {
            return null;
        }
        Finding violation = null;
        CallSites.Sample callSite = new CallSites.Sample();
        String parameters = null; // rendered once, for the first scope that opted in to them
        boolean ownLanded = false;
        for (int pass = 0; pass < 3; pass++) {
            OpenScope[] scopes = pass == 0 ? own : shared;
            if (pass == 2) {
                // Every scope of the thread was finished on another thread meanwhile (a per-thread scope reported
                // early): the statement is in no report yet, so a new scope takes it.
                if (ownLanded || own.length == 0 || opener == null || !opener.test(current)) {
                    break;
                }
                scopes = openedByFallback();
            }
            for (OpenScope scope : scopes) {
                ScopeRecording recording = scope.closed ? null : scope.recording();
                if (recording == null) {
                    continue; // closed, or finished and released on another thread
                }
                String sample = null;
                if (renderable && scope.settings().includeParameters() && recording.wantsParameterSample(shape)) {
                    if (parameters == null) {
                        parameters = bindings == null ? "[]" : bindings.render();
                    }
                    sample = parameters;
                }
                boolean landed = recording.record(shape, listLength, parameterHash, batchRows, nanos, failed, callSite,
                        scope.settings(), sample, dataSource, rows, scope.sampleFirstExecutions);
                ownLanded |= landed && pass != 1;
                if (landed && violation == null && scope.failsOnFindings()) {
                    violation = scope.violation(shape);
                }
            }
        }
        return violation;
    }

    /** The thread's scopes just after the fallback opened one, which is marked as staying on the thread. */
    private OpenScope[] openedByFallback() {
        OpenScope[] own = ownScopes();
        if (own.length > 0) {
            own[own.length - 1].staysOnThread = true;
        }
        return own;
    }

    /**
     * The scopes the current thread's statements count in, to carry to another thread with {@link #swapOwn}, less those
     * the fallback opened for the thread alone; {@code null} when none is open (the common case, a cheap check). The
     * array is never changed in place.
     */
    public Object[] captureOwn() {
        if (open.get() == 0) {
            return null;
        }
        OpenScope[] own = ownScopes();
        int carried = 0;
        for (OpenScope scope : own) {
            if (!scope.closed && !scope.staysOnThread) {
                carried++;
            }
        }
        if (carried == own.length) {
            return carried == 0 ? null : own;
        }
        if (carried == 0) {
            return null;
        }
        OpenScope[] some = new OpenScope[carried];
        int k = 0;
        for (OpenScope scope : own) {
            if (!scope.closed && !scope.staysOnThread) {
                some[k++] = scope;
            }
        }
        return some;
    }

    /**
     * Makes the current thread's statements count in {@code scopes} (from {@link #captureOwn}; {@code null}: none)
     * instead of its own, and returns what they counted in before, for the same call to put back when the work ends.
     */
    public Object[] swapOwn(Object[] scopes) {
        Object[] before = threadScopes.get();
        threadScopes.set(scopes == null || scopes.length == 0 ? NO_SCOPES : scopes);
        return before;
    }

    private OpenScope[] ownScopes() {
        Object[] scopes = threadScopes.get();
        return scopes.length == 0 ? NONE : (OpenScope[]) scopes;
    }
}
