package dev.querybudget.bench;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.internal.scope.ScopeRegistry;
import dev.querybudget.internal.shape.ShapeCache;
import dev.querybudget.internal.shape.ShapedSql;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * QueryBudget's own part of a request, without JDBC: opening a scope, recording statements into it, closing it (with
 * detection and the report). Where {@link JdbcOverheadBenchmark}'s ratios come from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScopeBenchmark {

    private final QueryBudgetSettings settings = QueryBudgetSettings.defaults().withThreshold(5);
    private final ScopeRegistry registry = ScopeRegistry.get();
    private final String sql = "select name, price, quantity from item where id = ?";
    private final ShapedSql shaped = ShapeCache.shared().shape(sql);
    private long id;

    /** A request that runs no statement: open and close a scope. */
    @Benchmark
    public ScopeReport emptyScope() {
        return QueryRecorder.open("GET /health", settings).finish();
    }

    /** A request that runs one statement: open, record it, close. */
    @Benchmark
    public ScopeReport oneStatement() {
        QueryScope scope = QueryRecorder.open("GET /items/{id}", settings);
        registry.record(shaped.shape(), 0, ++id, 0, 1_000, false, null, sql, "dataSource", null);
        return scope.finish();
    }
}
