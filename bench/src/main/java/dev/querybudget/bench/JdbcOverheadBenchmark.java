package dev.querybudget.bench;

import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The cost of each variant on one unit of work, side by side in one run. For the QueryBudget variants, the unit of
 * work is what a request pays: {@code querybudget} opens a scope, runs the lookup and closes the scope (detection
 * included) — a scope where nothing repeats; {@code querybudget-repeating} runs 1,000 lookups of one shape in one
 * scope — the N+1 path, stack samples included — and is reported per lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcOverheadBenchmark {

    @Param({"raw", "datasource-proxy", "p6spy", "querybudget", "querybudget-repeating"})
    public String variant;

    private JdbcFixture fixture;
    private final QueryBudgetSettings settings = QueryBudgetSettings.defaults().withThreshold(5);

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = new JdbcFixture(variant);
    }

    @TearDown(Level.Iteration)
    public void clear() throws SQLException {
        fixture.clearAudit();
    }

    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    /** One primary-key lookup (in a request-sized scope of its own, for {@code querybudget}). */
    @Benchmark
    public long lookup() throws SQLException {
        if (variant.equals("querybudget")) {
            QueryScope scope = QueryBudget.open("GET /items/{id}", settings);
            try {
                return fixture.lookup();
            } finally {
                scope.finish();
            }
        }
        return fixture.lookup();
    }

    /** 1,000 lookups of one shape, per lookup; for {@code querybudget-repeating}, all in one scope. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public long repeatedLookups() throws SQLException {
        QueryScope scope = variant.startsWith("querybudget") ? QueryBudget.open("GET /items", settings) : null;
        long sum = 0;
        try {
            for (int i = 0; i < 1000; i++) {
                sum += fixture.lookup();
            }
        } finally {
            if (scope != null) {
                scope.finish();
            }
        }
        return sum;
    }

    /** A 100-row JDBC batch (in a scope of its own, for the QueryBudget variants). */
    @Benchmark
    public int[] batchInsert() throws SQLException {
        QueryScope scope = variant.startsWith("querybudget") ? QueryBudget.open("POST /audit", settings) : null;
        try {
            return fixture.batchInsert();
        } finally {
            if (scope != null) {
                scope.finish();
            }
        }
    }
}
