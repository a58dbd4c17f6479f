package dev.querybudget.bench;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
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
 * The cost of each variant on one unit of work, side by side in one run.
 *
 * <p>The variants: {@code raw} HikariCP; {@code datasource-proxy} with a listener that does nothing (the floor of
 * every tool built on it); {@code p6spy} with its logging module off; {@code querybudget-idle}, QueryBudget's wrappers
 * with no scope open; {@code querybudget}, QueryBudget's wrappers with a scope around each unit of work, as a request
 * has one (opening it, recording, closing it with detection and the report); {@code querybudget-agent}, the same
 * scopes with the statements recorded by {@code -javaagent:querybudget-agent.jar} instead of the wrappers (run in
 * its own fork by {@link BenchmarkReport}).
 *
 * <p>The units of work: {@code lookup}, one primary-key lookup (a scope where nothing repeats); {@code
 * repeatedLookups}, 1,000 lookups of one shape in one scope, reported per lookup (the N+1 path, stack samples
 * included); {@code batchInsert}, a 100-row JDBC batch (an upsert of the same 100 rows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JdbcOverheadBenchmark {

    /** The variants a plain fork runs; {@code querybudget-agent} needs a fork with the agent. */
    static final String[] PLAIN_VARIANTS = {"raw", "datasource-proxy", "p6spy", "querybudget-idle", "querybudget"};
    static final String AGENT_VARIANT = "querybudget-agent";

    @Param({"raw", "datasource-proxy", "p6spy", "querybudget-idle", "querybudget", AGENT_VARIANT})
    public String variant;

    @Param({"h2", "postgresql"})
    public String database;

    private JdbcFixture fixture;
    private boolean scoped;
    private final QueryBudgetSettings settings = QueryBudgetSettings.defaults().withThreshold(5);

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = new JdbcFixture(variant, database);
        scoped = variant.equals("querybudget") || variant.equals(AGENT_VARIANT);
    }

    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    /** One primary-key lookup, in a request-sized scope of its own for the scoped variants. */
    @Benchmark
    public long lookup() throws SQLException {
        QueryScope scope = scoped ? QueryRecorder.open("GET /items/{id}", settings) : null;
        try {
            return fixture.lookup();
        } finally {
            if (scope != null) {
                scope.finish();
            }
        }
    }

    /** 1,000 lookups of one shape, per lookup; all in one scope for the scoped variants. */
    @Benchmark
    @OperationsPerInvocation(JdbcFixture.REPEATS)
    public long repeatedLookups() throws SQLException {
        QueryScope scope = scoped ? QueryRecorder.open("GET /items", settings) : null;
        try {
            return fixture.repeatedLookups();
        } finally {
            if (scope != null) {
                scope.finish();
            }
        }
    }

    /** A 100-row JDBC batch, in a scope of its own for the scoped variants. */
    @Benchmark
    public int[] batchInsert() throws SQLException {
        QueryScope scope = scoped ? QueryRecorder.open("POST /audit", settings) : null;
        try {
            return fixture.batchInsert();
        } finally {
            if (scope != null) {
                scope.finish();
            }
        }
    }
}
