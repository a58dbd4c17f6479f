package dev.querybudget.internal.detect;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.List;

/**
 * {@link FindingKind#UNBATCHED_WRITE}: a write shape run at least {@code threshold} times outside a JDBC batch; one
 * finding per shape, at the call site that ran it most.
 */
final class UnbatchedWriteRule extends ShapeRule {

    UnbatchedWriteRule() {
        super(FindingKind.UNBATCHED_WRITE);
    }

    @Override
    public boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
        return stats.shape().type().isWrite() && stats.singleExecutions() >= settings.threshold();
    }

    @Override
    void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found) {
        addAtDominantSite(found, facts, stats, stats.singleExecutions());
    }

    static final String HINT = "send the rows as one JDBC batch (addBatch/executeBatch); with Hibernate set"
            + " hibernate.jdbc.batch_size (and hibernate.order_inserts / hibernate.order_updates)";

    /** For inserts that ask for their generated keys: Hibernate ORM never batches those of an IDENTITY id. */
    static final String IDENTITY_HINT = "each insert asks for its generated key, as Hibernate does for an IDENTITY id,"
            + " and Hibernate never batches those (hibernate.jdbc.batch_size does nothing for them): switch the id to a"
            + " sequence with a pooled optimizer (@GeneratedValue(strategy = SEQUENCE) with allocationSize > 1) and set"
            + " hibernate.jdbc.batch_size, or send the rows as one JDBC batch (addBatch/executeBatch)";

    @Override
    String hint(Shape shape) {
        return shape.type() == StatementType.INSERT && shape.generatesKeys() ? IDENTITY_HINT : HINT;
    }

    @Override
    String summary(ShapeFinding finding) {
        return ran(finding) + " one row at a time, outside a batch (" + millis(finding) + ")";
    }
}
