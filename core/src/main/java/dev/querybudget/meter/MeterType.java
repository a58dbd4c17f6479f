package dev.querybudget.meter;

/**
 * The kind of a {@link MeterSchema} meter, in Micrometer's terms.
 *
 * @since 0.2.0
 */
public enum MeterType {
    /** A count that only grows: one increment per event. */
    COUNTER,
    /** A distribution of recorded amounts: count, total and maximum. */
    DISTRIBUTION_SUMMARY
}
