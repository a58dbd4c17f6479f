package dev.querybudget.meter;

/**
 * Records QueryBudget's meters on a metrics library: what a front implements so that core's
 * {@link dev.querybudget.sink.ScopeSink#meters(MeterRecorder) meter sink} drives it from the one
 * {@link MeterSchema}. An implementation registers (or finds) the meter with the schema's name, type, base unit,
 * description and tags, then records {@code amount}: the amount of a distribution summary, the increment of a
 * counter.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface MeterRecorder {

    /**
     * @param meter the meter
     * @param tags  its tags as key, value, key, value…, in the order of {@link MeterSchema#tags()}; values are never
     *              {@code null}
     * @param amount what to record
     */
    void record(MeterSchema meter, String[] tags, double amount);
}
