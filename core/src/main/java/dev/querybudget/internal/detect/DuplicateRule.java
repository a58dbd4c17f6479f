package dev.querybudget.internal.detect;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.List;

/**
 * {@link FindingKind#DUPLICATE}: a read run again with a parameter set it already ran with; one finding per shape, at
 * the call site that ran it most. A read the {@link NPlusOneRule} reported is not also a duplicate: asked after it,
 * this rule passes over the shapes it reported.
 */
final class DuplicateRule extends ShapeRule {

    DuplicateRule() {
        super(FindingKind.DUPLICATE);
    }

    @Override
    public boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
        return stats.shape().type() == StatementType.SELECT && stats.repeatedExecutions() > 0;
    }

    @Override
    void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found) {
        if (!facts.reported(FindingKind.N_PLUS_ONE, stats.shape())) {
            add(found, facts, stats, stats.singleExecutions(), dominantStack(stats));
        }
    }

    @Override
    String hint(Shape shape) {
        return "run it once: keep the first result (a local variable or a cache) or hoist the query out of the loop";
    }

    @Override
    String summary(ShapeFinding finding) {
        return ran(finding) + " with only " + sets(finding.distinctParameterSets()) + " (" + millis(finding) + ")";
    }
}
