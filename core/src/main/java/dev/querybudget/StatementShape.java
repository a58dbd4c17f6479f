package dev.querybudget;

/**
 * A statement with its literals, bind markers and list lengths folded away: the unit that QueryBudget counts and
 * groups by. Reports and findings carry shapes; only QueryBudget makes them, from the SQL it records, so there is
 * no public way to construct one, and the interface is not meant to be implemented outside QueryBudget.
 *
 * <p>Everything a shape knows is derived from its text, so two shapes QueryBudget made are equal exactly when their
 * {@link #sql()} texts are.
 *
 * @since 0.1.0 (an interface since 0.2.0; in 0.1.0 a final class)
 */
public interface StatementShape {

    /** The normalized text: lower case, literals and bind markers as {@code ?}, lists folded. */
    String sql();

    /** What the statement does: the type it counts under in {@link QueryCounts} and a {@link Budget}. */
    StatementType type();
}
