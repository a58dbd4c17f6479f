package dev.querybudget.internal.detect;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.internal.scope.OpenScope;
import dev.querybudget.internal.scope.ScopeRecording;
import dev.querybudget.internal.scope.ScopeRegistry;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;
import dev.querybudget.internal.shape.ShapeCache;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** The detector asks each rule its own pre-check: a kind need not be about repetition to be found. */
class DetectorTests {

    private static final String SLOW = "select name from item where id = ?";
    private static final String FAST = "update item set name = ? where id = ?";

    @Test
    void aRuleWhosePreCheckIsNotAboutRepetitionIsAskedWhenNothingRepeats() {
        OpenScope scope = ScopeRegistry.get().open("nothing repeats", QueryBudgetSettings.defaults());
        try {
            record(SLOW, 7, 3_000_000);
            record(FAST, 8, 40_000);
        } finally {
            ScopeRegistry.get().close(scope);
        }

        Detector withSlowStatements = new Detector(List.of(new SlowStatementRule(1_000_000)));

        assertThat(findings(scope, Detector::detect)).as("the standard rules: nothing repeats").isEmpty();
        assertThat(findings(scope, withSlowStatements::findings)).singleElement(type(ShapeFinding.class)).satisfies(finding -> {
            assertThat(finding.sql()).isEqualTo(SLOW);
            assertThat(finding.count()).isEqualTo(1);
            assertThat(finding.totalNanos()).isEqualTo(3_000_000);
        });
    }

    private static void record(String sql, long parameterHash, long nanos) {
        Shape shape = ShapeCache.shared().shape(sql).shape();
        ScopeRegistry.get().record(shape, 0, parameterHash, 0, nanos, false, null, sql, "dataSource", null);
    }

    private static List<Finding> findings(OpenScope scope, Detection detection) {
        ScopeRecording recording = scope.recording();
        return recording.read(all -> detection.findings(scope.name(), all, recording.counts(),
                recording.shapeCounts(), scope.settings()));
    }

    /** {@link Detector#detect} or a detector's own {@code findings}. */
    @FunctionalInterface
    private interface Detection {
        List<Finding> findings(String scope, Collection<ShapeStats> all, QueryCounts counts, List<ShapeCount> shapes,
                               QueryBudgetSettings settings);
    }

    /**
     * A test-only kind: a statement slower than a limit, run once or more. A real one would have its own
     * {@link FindingKind} constant; this one borrows {@code DUPLICATE}'s.
     */
    private static final class SlowStatementRule extends ShapeRule {

        private final long limitNanos;

        SlowStatementRule(long limitNanos) {
            super(FindingKind.DUPLICATE);
            this.limitNanos = limitNanos;
        }

        @Override
        public boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
            return stats.totalNanos() >= limitNanos;
        }

        @Override
        void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found) {
            addAtDominantSite(found, facts, stats, stats.count());
        }

        @Override
        String hint(Shape shape) {
            return "make it faster";
        }

        @Override
        String summary(ShapeFinding finding) {
            return ran(finding) + " (" + millis(finding) + ")";
        }
    }
}
