package dev.querybudget.junit;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;

import java.util.function.IntFunction;

/**
 * AssertJ assertions on the statements a block of code runs: the one entry point.
 *
 * <pre>{@code
 * assertThatQueries(() -> service.listOrders(userId))
 *         .hasSelectCount(1)
 *         .hasNoNPlusOne();
 *
 * assertThatQueryScaling(orders -> seedOrders(orders), ids -> service.listOrders(ids.userId()))
 *         .doesNotGrowBetween(2, 20);
 * }</pre>
 *
 * Needs AssertJ on the test class path, as the JUnit extension itself does not.
 *
 * @since 0.1.0
 */
public final class QueryAssertions {

    private QueryAssertions() {
    }

    /** Runs {@code block} in a scope of its own (the N+1 threshold 3, this thread) and asserts on what it ran. */
    public static QueriesAssert assertThatQueries(Block block) {
        return assertThatQueries(QueryBudgetSettings.defaults(), block);
    }

    /** Runs {@code block} in a scope with {@code settings} and asserts on what it ran. */
    public static QueriesAssert assertThatQueries(QueryBudgetSettings settings, Block block) {
        return new QueriesAssert(run(settings, "the block", block));
    }

    /** Asserts on a report already taken, e.g. by {@link QueryRecorder#record}. */
    public static QueriesAssert assertThatReport(ScopeReport report) {
        return new QueriesAssert(report);
    }

    /**
     * The scaling check: {@code fixture} builds data of a given size (not counted), {@code work} runs on it
     * (counted); {@link QueryScalingAssert#doesNotGrowBetween} fails when a statement shape runs more often on the
     * larger fixture — an N+1 at any threshold and however small the test data.
     */
    public static <T> QueryScalingAssert<T> assertThatQueryScaling(IntFunction<T> fixture, FixtureWork<T> work) {
        return new QueryScalingAssert<>(fixture, work);
    }

    /** These assertions' own frames, which are never a call site. */
    private static final java.util.List<String> OWN_FRAMES = java.util.List.of(QueryAssertions.class.getName(),
            QueryScalingAssert.class.getName());

    static ScopeReport run(QueryBudgetSettings settings, String name, Block block) {
        java.util.List<String> ignored = new java.util.ArrayList<>(settings.ignoredFramePrefixes());
        ignored.addAll(OWN_FRAMES);
        return QueryRecorder.record(name, settings.withIgnoredFramePrefixes(ignored), () -> {
            try {
                block.run();
            } catch (Throwable failure) {
                throw QueryAssertions.<RuntimeException>rethrow(failure);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure; // the block's own exception, checked or not, reaches the test unchanged
    }

    /** Code whose statements are counted; it may throw anything, which reaches the test unchanged. */
    @FunctionalInterface
    public interface Block {
        void run() throws Throwable;
    }

    /**
     * Code that runs on a fixture. (In 0.1.0 it was {@code QueryAssertions.Work}, a name core's
     * {@code QueryRecorder.Work} has too.)
     *
     * @since 0.2.0
     */
    @FunctionalInterface
    public interface FixtureWork<T> {
        void run(T fixture) throws Throwable;
    }
}
