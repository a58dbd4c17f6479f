/**
 * QueryBudget's meters, declared once for every front: {@link dev.querybudget.meter.MeterSchema} names each meter,
 * its type, base unit, description and tag keys ({@link dev.querybudget.meter.MeterTag}), in the manner of
 * Micrometer's {@code HttpObservationDocumentation}; {@link dev.querybudget.meter.TagValues} folds a request into tag
 * values from bounded sets only. A front records them through {@link dev.querybudget.meter.MeterRecorder} on its own
 * metrics library (the agent on Micrometer's global registry, reflectively; the Spring starter on its
 * {@code MeterRegistry}), so the agent and the starter publish the same meter ids for the same request. This package
 * has no dependency on Micrometer.
 *
 * @since 0.2.0
 */
package dev.querybudget.meter;
