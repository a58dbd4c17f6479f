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
 * @param topShapes the shapes that ran most in the scope, most first (at most five)
 * @param hint      what to do about it
 * @since 0.2.0
 */
public record BudgetFinding(String scope, BudgetLimit limit, long count, long allowed, List<ShapeCount> topShapes,
                            String hint) implements Finding {

    public BudgetFinding {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        topShapes = List.copyOf(topShapes);
    }

    /** Always {@link FindingKind#QUERY_BUDGET}. */
    @Override
    public FindingKind kind() {
        return FindingKind.QUERY_BUDGET;
    }
}
