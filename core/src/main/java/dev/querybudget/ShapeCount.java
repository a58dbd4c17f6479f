package dev.querybudget;

/**
 * One statement shape of a scope, with how often and how long it ran, and where from.
 *
 * @param count                 executions (a batch counts once)
 * @param distinctParameterSets distinct bind-parameter sets seen (exact up to 64, a lower bound above)
 * @param callSite              the application frame that ran it most; {@code null} when the shape ran once (its
 *                              call site is never sampled) or no application frame was on the stack
 * @since 0.1.0
 */
public record ShapeCount(StatementShape shape, long count, long distinctParameterSets, long totalNanos,
                         CallSite callSite) {

    /** A shape count without a call site. */
    public ShapeCount(StatementShape shape, long count, long distinctParameterSets, long totalNanos) {
        this(shape, count, distinctParameterSets, totalNanos, null);
    }
}
