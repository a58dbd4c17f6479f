package dev.querybudget.internal.shape;

/**
 * One raw SQL text, shaped: its {@link Shape} and the length of the longest list that was
 * folded away ({@code IN (…)} elements or multi-row {@code VALUES} rows; 0 when there was none).
 */
public record ShapedSql(Shape shape, int listLength) {
}
