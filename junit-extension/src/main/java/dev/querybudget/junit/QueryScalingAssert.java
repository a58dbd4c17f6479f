package dev.querybudget.junit;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import org.assertj.core.api.AbstractAssert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The scaling check, as GitLab's test suite runs it: the same work on a small and a larger fixture must not run any
 * statement shape more often. Obtain one from {@link QueryAssertions#assertThatQueryScaling}.
 *
 * @since 0.1.0
 */
public final class QueryScalingAssert<T> extends AbstractAssert<QueryScalingAssert<T>, IntFunction<T>> {

    private final QueryAssertions.FixtureWork<T> work;

    QueryScalingAssert(IntFunction<T> fixture, QueryAssertions.FixtureWork<T> work) {
        super(fixture, QueryScalingAssert.class);
        this.work = work;
    }

    /** Runs the work on fixtures of {@code small} and {@code large} and compares the counts shape by shape. */
    public QueryScalingAssert<T> doesNotGrowBetween(int small, int large) {
        isNotNull();
        if (small >= large) {
            throw new IllegalArgumentException("doesNotGrowBetween needs a small size below the large one, but was "
                    + small + " and " + large);
        }
        Map<String, long[]> grown = new LinkedHashMap<>();
        Map<String, Long> before = counts(measure(small));
        for (Map.Entry<String, Long> shape : counts(measure(large)).entrySet()) {
            long was = before.getOrDefault(shape.getKey(), 0L);
            if (shape.getValue() > was) {
                grown.put(shape.getKey(), new long[]{was, shape.getValue()});
            }
        }
        if (!grown.isEmpty()) {
            throwAssertionError(QueryMessages.shouldNotGrow(small, large, grown));
        }
        return myself;
    }

    private ScopeReport measure(int size) {
        T fixture = actual.apply(size);
        return QueryAssertions.run(QueryBudgetSettings.defaults(), "fixture of " + size, () -> work.run(fixture));
    }

    private static Map<String, Long> counts(ScopeReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ShapeCount shape : report.shapes()) {
            counts.put(shape.shape().sql(), shape.count());
        }
        return counts;
    }
}
