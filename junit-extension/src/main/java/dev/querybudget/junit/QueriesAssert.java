package dev.querybudget.junit;

import dev.querybudget.FindingKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/**
 * Assertions on what a block of code ran. Obtain one from {@link QueryAssertions}.
 *
 * @since 0.1.0
 */
public final class QueriesAssert extends AbstractAssert<QueriesAssert, ScopeReport> {

    QueriesAssert(ScopeReport report) {
        super(report, QueriesAssert.class);
    }

    /** Exactly {@code expected} statements of every type together. */
    public QueriesAssert hasCount(long expected) {
        isNotNull();
        if (actual.counts().total() != expected) {
            throwAssertionError(QueryMessages.shouldHaveCount(actual, "", expected));
        }
        return myself;
    }

    /** At most {@code limit} statements of every type together. */
    public QueriesAssert hasCountAtMost(long limit) {
        isNotNull();
        if (actual.counts().total() > limit) {
            throwAssertionError(QueryMessages.shouldHaveCountAtMost(actual, limit));
        }
        return myself;
    }

    public QueriesAssert hasSelectCount(long expected) {
        return hasCount(StatementType.SELECT, expected);
    }

    public QueriesAssert hasInsertCount(long expected) {
        return hasCount(StatementType.INSERT, expected);
    }

    public QueriesAssert hasUpdateCount(long expected) {
        return hasCount(StatementType.UPDATE, expected);
    }

    public QueriesAssert hasDeleteCount(long expected) {
        return hasCount(StatementType.DELETE, expected);
    }

    private QueriesAssert hasCount(StatementType type, long expected) {
        isNotNull();
        if (actual.counts().of(type) != expected) {
            throwAssertionError(QueryMessages.shouldHaveCount(actual, type.name().toLowerCase(java.util.Locale.ROOT) + " ",
                    expected));
        }
        return myself;
    }

    public QueriesAssert hasNoNPlusOne() {
        return hasNo(FindingKind.N_PLUS_ONE);
    }

    public QueriesAssert hasNoDuplicates() {
        return hasNo(FindingKind.DUPLICATE);
    }

    public QueriesAssert hasNoUnbatchedWrites() {
        return hasNo(FindingKind.UNBATCHED_WRITE);
    }

    /** No finding of any kind. */
    public QueriesAssert hasNoFindings() {
        isNotNull();
        if (actual.hasFindings()) {
            throwAssertionError(QueryMessages.shouldHaveNoFindings(actual, null));
        }
        return myself;
    }

    /** At least one N+1, on the shape {@code sql} (as QueryBudget shapes it: lower case, {@code ?} for values). */
    public QueriesAssert hasNPlusOneOn(String sql) {
        isNotNull();
        List<ShapeFinding> found = actual.shapeFindings(FindingKind.N_PLUS_ONE);
        if (found.stream().noneMatch(finding -> finding.sql().equals(sql))) {
            throwAssertionError(QueryMessages.shouldHaveNPlusOneOn(actual, sql));
        }
        return myself;
    }

    private QueriesAssert hasNo(FindingKind kind) {
        isNotNull();
        if (!actual.findings(kind).isEmpty()) {
            throwAssertionError(QueryMessages.shouldHaveNoFindings(actual, kind));
        }
        return myself;
    }
}
