package dev.querybudget.meter;

import dev.querybudget.GeneratedReadme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters every front publishes, declared once, and README's table of them, generated from the schema:
 * {@code -Dquerybudget.readme.update=true} rewrites it after the schema changed.
 */
class MeterSchemaTests {

    @Test
    void twoMetersWithTheirTypeUnitDescriptionAndTags() {
        assertThat(MeterSchema.REQUEST_QUERIES.meterName()).isEqualTo("querybudget.request.queries");
        assertThat(MeterSchema.REQUEST_QUERIES.type()).isEqualTo(MeterType.DISTRIBUTION_SUMMARY);
        assertThat(MeterSchema.REQUEST_QUERIES.baseUnit()).isEqualTo("queries");
        assertThat(MeterSchema.REQUEST_QUERIES.description()).isEqualTo("Statements per HTTP request");
        assertThat(MeterSchema.REQUEST_QUERIES.tags()).extracting(MeterTag::key)
                .containsExactly("method", "uri", "outcome");
        assertThat(MeterSchema.FINDINGS.meterName()).isEqualTo("querybudget.findings");
        assertThat(MeterSchema.FINDINGS.type()).isEqualTo(MeterType.COUNTER);
        assertThat(MeterSchema.FINDINGS.baseUnit()).isNull();
        assertThat(MeterSchema.FINDINGS.description()).isEqualTo("QueryBudget findings in HTTP requests, by kind");
        assertThat(MeterSchema.FINDINGS.tags()).extracting(MeterTag::key).containsExactly("kind", "method", "uri");
    }

    @Test
    void theReadmeShowsTheTableOfMeters() {
        GeneratedReadme.assertShows("meters", MeterSchema.class.getName(), MeterSchemaTests.class, table());
    }

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| meter | type | base unit | tags | what it measures |");
        rows.add("|---|---|---|---|---|");
        for (MeterSchema meter : MeterSchema.values()) {
            rows.add("| `" + meter.meterName() + "` | " + meter.type().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " | " + (meter.baseUnit() == null ? "" : "`" + meter.baseUnit() + "`")
                    + " | " + meter.tags().stream().map(tag -> "`" + tag.key() + "`").collect(Collectors.joining(", "))
                    + " | " + meter.description() + ". |");
        }
        rows.add("");
        rows.add("| tag | values |");
        rows.add("|---|---|");
        for (MeterTag tag : MeterTag.values()) {
            rows.add("| `" + tag.key() + "` | " + tag.description() + " |");
        }
        return rows.stream().collect(Collectors.joining("\n", "", "\n"));
    }
}
