package dev.querybudget.meter;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * QueryBudget's meters in a Micrometer registry, one line each with their id, type, base unit, description and
 * counts, sorted: what the agent's and the starter's tests compare word for word, so both fronts are held to the same
 * meter ids.
 *
 * <pre>
 * querybudget.request.queries{method=GET,outcome=SUCCESS,uri=/orders/{id}} DISTRIBUTION_SUMMARY queries "Statements per HTTP request" count=1 total=21
 * </pre>
 */
public final class MeterListing {

    private MeterListing() {
    }

    public static List<String> of(MeterRegistry registry) {
        return registry.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("querybudget."))
                .map(MeterListing::line).sorted().toList();
    }

    static String line(Meter meter) {
        Meter.Id id = meter.getId();
        StringBuilder line = new StringBuilder(id.getName()).append('{')
                .append(id.getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining(",")))
                .append("} ").append(id.getType());
        if (id.getBaseUnit() != null) {
            line.append(' ').append(id.getBaseUnit());
        }
        line.append(" \"").append(id.getDescription()).append('"');
        for (Measurement measurement : meter.measure()) {
            if (measurement.getStatistic() == Statistic.COUNT || measurement.getStatistic() == Statistic.TOTAL) {
                line.append(' ').append(measurement.getStatistic().name().toLowerCase(Locale.ROOT)).append('=')
                        .append(Math.round(measurement.getValue()));
            }
        }
        return line.toString();
    }
}
