package dev.querybudget;

/**
 * One statement shape of a scope, with how often and how long it ran.
 *
 * @param count                 executions (a batch counts once)
 * @param distinctParameterSets distinct bind-parameter sets seen (exact up to 64, a lower bound above)
 * @since 0.1.0
 */
public record ShapeCount(StatementShape shape, long count, long distinctParameterSets, long totalNanos) {
}
