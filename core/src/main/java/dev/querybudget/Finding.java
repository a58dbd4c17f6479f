package dev.querybudget;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a scope. Rendered for people by {@link dev.querybudget.report.FindingRenderer} and
 * for machines by {@link dev.querybudget.report.JsonRenderer}.
 *
 * @param kind                  what the problem is
 * @param scope                 the scope's name, e.g. {@code GET /orders/{id}} or a test's name
 * @param shape                 the statement shape; {@code null} for {@link FindingKind#QUERY_BUDGET}
 * @param count                 executions of the shape from the call site; for a budget, the count over it
 * @param distinctParameterSets distinct bind-parameter sets among those executions
 * @param totalNanos            time spent in those executions
 * @param callSite              the application frame they came from; {@code null} when unknown
 * @param stack                 application frames from the call site outwards (at most five)
 * @param precedingShape        the statement run just before the first of them, when there was one
 * @param hint                  what to do about it
 * @param budgetLimit           for a budget: {@code total}, {@code select}, {@code insert}, {@code update} or
 *                              {@code delete}; otherwise {@code null}
 * @param budgetAllowed         for a budget: the limit; otherwise -1
 * @param topShapes             for a budget: the shapes that ran most; otherwise empty
 * @param parameterSamples      a few bind-parameter sets, only when the user opted in; otherwise empty
 * @since 0.1.0
 */
public record Finding(FindingKind kind, String scope, StatementShape shape, long count, long distinctParameterSets,
                      long totalNanos, CallSite callSite, List<CallSite> stack, StatementShape precedingShape,
                      String hint, String budgetLimit, long budgetAllowed, List<ShapeCount> topShapes,
                      List<String> parameterSamples) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        stack = List.copyOf(stack);
        topShapes = List.copyOf(topShapes);
        parameterSamples = List.copyOf(parameterSamples);
    }

    /** The shape's text, or {@code null} for a budget finding. */
    public String sql() {
        return shape == null ? null : shape.sql();
    }

    public double totalMillis() {
        return totalNanos / 1_000_000.0;
    }
}
