package dev.querybudget.meter;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A line of the listing as the meter schema has it, whichever front recorded it: the name, the tag keys in order,
     * the type, the base unit and the description, word for word; tag values of the standard shapes.
     */
    public static final String SCHEMA_LINE = "querybudget\\.request\\.queries"
            + "\\{method=[A-Z]+,outcome=[A-Z_]+,uri=[^,]+} DISTRIBUTION_SUMMARY queries \"Statements per HTTP request\" count=\\d+ total=\\d+"
            + "|querybudget\\.findings\\{kind=[A-Z_]+,method=[A-Z]+,uri=[^,]+} COUNTER"
            + " \"QueryBudget findings in HTTP requests, by kind\" count=\\d+";

    private static final Pattern METER = Pattern.compile("(\\S+) .* count=(\\d+)(?: total=(\\d+))?");
    private static final Pattern TOTAL = Pattern.compile("(.+)=(\\d+)");

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

    /**
     * What grew between two listings, one line per series that changed, sorted: {@code <id> count +N total +M} for a
     * meter, {@code <name> +N} for a line {@code <name>=N} (a JMX total).
     */
    public static List<String> added(List<String> before, List<String> after) {
        Map<String, long[]> then = counts(before);
        List<String> added = new ArrayList<>();
        counts(after).forEach((id, now) -> {
            long[] was = then.getOrDefault(id, new long[now.length]);
            if (java.util.Arrays.equals(now, was)) {
                return;
            }
            if (now.length == 1 && !id.contains("{")) {
                added.add(id + " +" + (now[0] - was[0]));
                return;
            }
            added.add(id + " count +" + (now[0] - was[0]) + (now.length == 2 ? " total +" + (now[1] - was[1]) : ""));
        });
        return added;
    }

    /** Each series of a listing and its counts. */
    public static Map<String, long[]> counts(List<String> listing) {
        Map<String, long[]> counts = new TreeMap<>();
        for (String line : listing) {
            Matcher meter = METER.matcher(line);
            Matcher total = TOTAL.matcher(line);
            if (meter.matches()) {
                counts.put(meter.group(1), meter.group(3) == null ? new long[]{Long.parseLong(meter.group(2))}
                        : new long[]{Long.parseLong(meter.group(2)), Long.parseLong(meter.group(3))});
            } else if (total.matches()) {
                counts.put(total.group(1), new long[]{Long.parseLong(total.group(2))});
            }
        }
        return counts;
    }
}
