package dev.querybudget.spring;

import dev.querybudget.meter.MeterRecorder;
import dev.querybudget.meter.MeterSchema;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Core's {@link MeterSchema} on the application's {@link MeterRegistry}: the same meter ids, descriptions and base
 * units as the agent's, tag values from bounded sets only. The statements per DataSource stay in the reports and
 * the actuator endpoint, not in a tag.
 */
final class RequestMetrics implements ScopeSink, MeterRecorder {

    private final ObjectProvider<MeterRegistry> registries;
    private final ScopeSink meters = ScopeSink.meters(this);

    RequestMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void accept(FinishedScope scope) {
        meters.accept(scope);
    }

    @Override
    public void record(MeterSchema meter, String[] tags, double amount) {
        MeterRegistry registry = registries.getIfUnique();
        if (registry == null) {
            return;
        }
        switch (meter.type()) {
            case COUNTER -> Counter.builder(meter.meterName()).description(meter.description())
                    .baseUnit(meter.baseUnit()).tags(tags).register(registry).increment(amount);
            case DISTRIBUTION_SUMMARY -> DistributionSummary.builder(meter.meterName())
                    .description(meter.description()).baseUnit(meter.baseUnit()).tags(tags).register(registry)
                    .record(amount);
        }
    }
}
