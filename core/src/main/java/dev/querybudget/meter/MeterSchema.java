package dev.querybudget.meter;

import java.util.List;

/**
 * QueryBudget's meters, declared once: the agent and the Spring starter record exactly these, with these tags in this
 * order, so both publish the same meter ids for the same request. Meters are per HTTP request; scopes of other kinds
 * (a test, a thread's work outside requests) record none.
 *
 * @since 0.2.0
 */
public enum MeterSchema {

    /** Statements per HTTP request. */
    REQUEST_QUERIES("querybudget.request.queries", MeterType.DISTRIBUTION_SUMMARY, "queries",
            "Statements per HTTP request", MeterTag.METHOD, MeterTag.URI, MeterTag.OUTCOME),
    /** Findings in HTTP requests: one increment per finding. */
    FINDINGS("querybudget.findings", MeterType.COUNTER, null,
            "QueryBudget findings in HTTP requests, by kind", MeterTag.KIND, MeterTag.METHOD, MeterTag.URI);

    private final String meterName;
    private final MeterType type;
    private final String baseUnit;
    private final String description;
    private final List<MeterTag> tags;

    MeterSchema(String meterName, MeterType type, String baseUnit, String description, MeterTag... tags) {
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.description = description;
        this.tags = List.of(tags);
    }

    /** The meter's name in Micrometer's dot notation, e.g. {@code querybudget.request.queries}. */
    public String meterName() {
        return meterName;
    }

    public MeterType type() {
        return type;
    }

    /** The base unit, e.g. {@code queries}; {@code null} when the meter has none. */
    public String baseUnit() {
        return baseUnit;
    }

    /** The description registries show, e.g. Prometheus's {@code # HELP}. */
    public String description() {
        return description;
    }

    /** The tag keys, in the order {@link MeterRecorder#record} receives their values. */
    public List<MeterTag> tags() {
        return tags;
    }
}
