package dev.querybudget.internal.jdbc;

import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.scope.ParameterHashing;
import dev.querybudget.internal.scope.ScopeRegistry;
import dev.querybudget.internal.shape.ShapeCache;
import dev.querybudget.internal.shape.ShapedSql;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.List;

/**
 * The datasource-proxy listener every QueryBudget wrapper shares: it times each statement and hands it to the
 * {@link ScopeRegistry}.
 *
 * <p>Only the outermost statement of a thread is recorded. When two QueryBudget wrappers sit on one path (a
 * pool between two wrapped DataSources, a connection wrapped twice), the inner one sees the statement first and
 * stands back, so each statement is counted once. Nothing here may throw into the application: every failure
 * goes to {@link FailOpen} and the JDBC call carries on.
 */
public final class RecordingListener implements QueryExecutionListener {

    public static final RecordingListener INSTANCE = new RecordingListener();

    private static final ThreadLocal<CallState> STATE = new ThreadLocal<>();

    private final ScopeRegistry registry = ScopeRegistry.get();

    private RecordingListener() {
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        try {
            if (registry.isIdle()) {
                return;
            }
            CallState state = STATE.get();
            if (state == null) {
                state = new CallState();
                STATE.set(state);
            }
            if (state.depth++ == 0) {
                state.startedNanos = System.nanoTime();
            }
        } catch (Throwable failure) {
            FailOpen.report("starting to time a statement", failure);
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        try {
            CallState state = STATE.get();
            if (state == null || state.depth == 0 || --state.depth > 0) {
                return; // not timed (no scope was open), or an inner wrapper of a statement counted outside
            }
            record(execution, queries, System.nanoTime() - state.startedNanos);
        } catch (Throwable failure) {
            FailOpen.report("recording a statement", failure);
        }
    }

    private void record(ExecutionInfo execution, List<QueryInfo> queries, long nanos) {
        boolean batch = execution.isBatch();
        boolean failed = !execution.isSuccess();
        String dataSource = execution.getDataSourceName();
        int size = queries.size();
        long share = size > 1 ? nanos / size : nanos;
        for (int k = 0; k < size; k++) {
            QueryInfo query = queries.get(k);
            String sql = query.getQuery();
            ShapedSql shaped = ShapeCache.shared().shape(sql);
            List<List<ParameterSetOperation>> parameterSets = query.getParametersList();
            List<ParameterSetOperation> bindings = parameterSets.isEmpty() ? null : parameterSets.get(0);
            int batchRows = batch ? Math.max(1, parameterSets.size()) : 0;
            long hash = batch ? sql.hashCode() : ParameterHashing.hash(sql, bindings);
            // Only an "= ANY(?)" statement carries its key list in a bind value; no other needs a second pass.
            int listLength = batch || !shaped.shape().hasArrayKeyList() ? shaped.listLength()
                    : Math.max(shaped.listLength(), ParameterHashing.longestArray(bindings));
            registry.record(shaped.shape(), listLength, hash, batchRows, share, failed, bindings, sql, dataSource);
        }
    }

    /** Per thread: how deep inside QueryBudget-wrapped statements it is, and when the outermost began. */
    private static final class CallState {
        int depth;
        long startedNanos;
    }
}
