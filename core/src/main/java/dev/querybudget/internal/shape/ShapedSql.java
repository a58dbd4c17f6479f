package dev.querybudget.internal.shape;

import dev.querybudget.StatementShape;

/**
 * One raw SQL text, shaped: its {@link StatementShape} and the length of the longest list that was
 * folded away ({@code IN (…)} elements or multi-row {@code VALUES} rows; 0 when there was none).
 */
public record ShapedSql(StatementShape shape, int listLength) {
}
