package dev.querybudget;

import java.util.List;
import java.util.Objects;

/**
 * A {@link FindingKind#QUERY_BUDGET} finding: a scope ran more statements than one limit of its {@link Budget}
 * allows. A scope over several limits has one finding per limit.
 *
 * @param scope     the scope's name
 * @param limit     which limit the count is over
 * @param count     the statements that count against the limit (a JDBC batch counts once)
 * @param allowed   the limit
 * @param topShapes the shapes that ran more than once in the scope, most first (at most five), each with the call
 *                  site that ran it most; when none ran twice and there are at most five shapes, every shape
 * @param onceOnly  the statements of shapes that ran only once, which {@code topShapes} leaves out
 * @param hint      what to do about it
 * @since 0.2.0
 */
public record BudgetFinding(String scope, BudgetLimit limit, long count, long allowed, List<ShapeCount> topShapes,
                            long onceOnly, String hint) implements Finding {

    public BudgetFinding {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        topShapes = List.copyOf(topShapes);
    }

    /** A finding that lists {@code topShapes} and leaves nothing out. */
    public BudgetFinding(String scope, BudgetLimit limit, long count, long allowed, List<ShapeCount> topShapes,
                         String hint) {
        this(scope, limit, count, allowed, topShapes, 0, hint);
    }

    /** Always {@link FindingKind#QUERY_BUDGET}. */
    @Override
    public FindingKind kind() {
        return FindingKind.QUERY_BUDGET;
    }

    /** The finding's stable identity (see {@link Finding#fingerprint()}). */
    @Override
    public String fingerprint() {
        return Fingerprints.of(this);
    }
}
