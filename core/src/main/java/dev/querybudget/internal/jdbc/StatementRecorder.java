package dev.querybudget.internal.jdbc;

import dev.querybudget.Finding;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.scope.BindValues;
import dev.querybudget.internal.scope.RowCount;
import dev.querybudget.internal.scope.ScopeRegistry;
import dev.querybudget.internal.shape.Dialect;
import dev.querybudget.internal.shape.ShapeCache;
import dev.querybudget.internal.shape.ShapedSql;
import dev.querybudget.spi.HandoverProtocol;

import java.util.List;

/**
 * Between QueryBudget's JDBC wrappers and the {@link ScopeRegistry}: it times each statement and hands it over.
 *
 * <p>Only the outermost statement of a thread is recorded. When two QueryBudget wrappers sit on one path (a pool
 * between two wrapped DataSources, a connection wrapped by the agent and by the application), the inner one runs
 * inside the outer one's timing and stands back, so each statement is counted once. With the agent attached, the
 * agent's wrappers and these time statements on one per-thread timing ({@link ScopeRegistry#statementTiming()}), so
 * this holds across the two copies of QueryBudget too. Nothing here throws into the application: every failure goes
 * to {@link FailOpen} and the JDBC call carries on.
 */
final class StatementRecorder {

    private static final ScopeRegistry REGISTRY = ScopeRegistry.get();
    private static final int DEPTH = HandoverProtocol.TIMING_DEPTH;
    private static final int STARTED = HandoverProtocol.TIMING_STARTED;

    private StatementRecorder() {
    }

    /** Before a statement runs: the thread's timing, or {@code null} when no scope is open to receive it. */
    static long[] enter() {
        try {
            if (REGISTRY.isIdle()) {
                return null;
            }
            long[] timing = REGISTRY.statementTiming().get();
            if (timing[DEPTH]++ == 0) {
                timing[STARTED] = System.nanoTime();
            }
            return timing;
        } catch (RuntimeException | Error failure) {
            FailOpen.report("starting to time a statement", failure);
            return null;
        }
    }

    /**
     * After a statement ran: {@code sql} with its bound values (or {@code null}), as a batch of {@code batchRows} rows
     * or, with 0, on its own; or, for a plain statement's batch, each of {@code statements}, sharing the time.
     *
     * @return the exception to fail the call with, when the statement made a finding fire in a scope that fails on
     *         findings; else {@code null}. Nothing else of QueryBudget's ever reaches the application.
     */
    static QueryBudgetExceededException exit(long[] timing, String sql, BindValues binds, int batchRows, List<String> statements,
                     boolean failed, boolean keys, RecordingConnection connection, RowCount rows) {
        if (--timing[DEPTH] > 0) {
            return null; // an inner wrapper of a statement an outer one counts
        }
        try {
            long nanos = System.nanoTime() - timing[STARTED];
            Dialect dialect = connection.dialect();
            String dataSource = connection.dataSourceName();
            if (statements == null) {
                Finding violation = record(sql, binds, batchRows, nanos, failed, keys, dataSource, dialect, rows);
                return violation == null ? null : new QueryBudgetExceededException(violation);
            }
            long share = nanos / statements.size();
            Finding violation = null;
            for (String each : statements) {
                Finding found = record(each, null, batchRows, share, failed, false, dataSource, dialect, null);
                violation = violation == null ? found : violation;
            }
            return violation == null ? null : new QueryBudgetExceededException(violation);
        } catch (RuntimeException | Error failure) {
            FailOpen.report("recording a statement", failure);
            return null;
        }
    }

    private static Finding record(String sql, BindValues binds, int batchRows, long nanos, boolean failed,
                                  boolean keys, String dataSource, Dialect dialect, RowCount rows) {
        ShapedSql shaped = ShapeCache.shared(dialect).shape(sql);
        if (keys) {
            shaped.shape().noteGeneratedKeys();
        }
        boolean single = batchRows == 0 && binds != null;
        long hash = single ? binds.hash(sql) : BindValues.hashWithout(sql);
        // Only an "= ANY(?)" statement carries its key list in a bind value; no other needs a second pass.
        int listLength = single && shaped.shape().hasArrayKeyList()
                ? Math.max(shaped.listLength(), binds.longestArray()) : shaped.listLength();
        return REGISTRY.record(shaped.shape(), listLength, hash, batchRows, nanos, failed, binds, sql, dataSource,
                rows, dialect);
    }
}
