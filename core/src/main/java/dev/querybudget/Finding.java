package dev.querybudget;

/**
 * One problem found in a scope: a {@link ShapeFinding} about one statement shape ({@link FindingKind#N_PLUS_ONE},
 * {@link FindingKind#DUPLICATE}, {@link FindingKind#UNBATCHED_WRITE}) or a {@link BudgetFinding} about the scope's
 * counts ({@link FindingKind#QUERY_BUDGET}). Each carries only the fields its kind has. Rendered for people by
 * {@link dev.querybudget.report.FindingRenderer} and for machines by {@link dev.querybudget.report.JsonRenderer}.
 *
 * <pre>{@code
 * for (Finding finding : report.findings()) {
 *     if (finding instanceof ShapeFinding shape) {
 *         log(shape.kind() + " at " + shape.callSite() + ": " + shape.sql());
 *     } else if (finding instanceof BudgetFinding budget) {
 *         log(budget.count() + " statements, " + budget.allowed() + " allowed");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0 (a sealed interface since 0.2.0; in 0.1.0 one record for every kind)
 */
public sealed interface Finding permits ShapeFinding, BudgetFinding {

    /** What the problem is. */
    FindingKind kind();

    /** The scope's name, e.g. {@code GET /orders/{id}} or a test's name. */
    String scope();

    /** How many statements the finding is about: the executions of a shape, or the count over a budget. */
    long count();

    /** What to do about it. */
    String hint();

    /**
     * The finding's stable identity: 16 hex digits, the same for the same problem across runs, restarts, instances
     * and machines, whatever the counts, timings and bind values (see README, "Fingerprints").
     *
     * @since 0.3.0
     */
    String fingerprint();
}
