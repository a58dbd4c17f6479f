package dev.querybudget.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's table of settings is the table in {@link Settings}, rendered: names, fronts, defaults and descriptions
 * never drift from the code. {@code -Dquerybudget.readme.update=true} rewrites it after the table changed.
 */
class SettingsReadmeTests {

    private static final Path README = Path.of("../README.md");
    private static final String START = "<!-- settings:start (generated from dev.querybudget.settings.Settings;"
            + " SettingsReadmeTests checks it) -->\n";
    private static final String END = "<!-- settings:end -->";

    @Test
    void theReadmeShowsTheTableOfSettings() throws Exception {
        String readme = Files.readString(README);
        String expected = START + table() + END;
        if (Boolean.getBoolean("querybudget.readme.update")) {
            readme = readme.substring(0, readme.indexOf(START)) + expected
                    + readme.substring(readme.indexOf(END) + END.length());
            Files.writeString(README, readme);
        }
        int start = readme.indexOf(START);
        assertThat(start).as("README marks the settings table").isNotNegative();
        assertThat(readme.substring(start, readme.indexOf(END) + END.length())).as("README's settings table is generated from"
                + " Settings: rewrite it with -Dquerybudget.readme.update=true").isEqualTo(expected);
    }

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| setting | agent | starter | JUnit | default | what it does |");
        rows.add("|---|:-:|:-:|:-:|---|---|");
        for (Setting<?> setting : Settings.all()) {
            rows.add("| `" + setting.name() + "` | " + mark(setting, Front.AGENT) + " | "
                    + mark(setting, Front.SPRING_BOOT) + " | " + mark(setting, Front.JUNIT) + " | "
                    + defaults(setting) + " | " + setting.description() + accepted(setting) + " |");
        }
        return rows.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String mark(Setting<?> setting, Front front) {
        return setting.appliesTo(front) ? "✓" : "";
    }

    private static String defaults(Setting<?> setting) {
        boolean requests = setting.appliesTo(Front.AGENT) || setting.appliesTo(Front.SPRING_BOOT);
        String forRequests = setting.defaultText(ScopeKind.REQUEST);
        String forTests = setting.defaultText(ScopeKind.TEST);
        if (!requests) {
            return code(forTests);
        }
        if (setting.appliesTo(Front.JUNIT) && !forTests.equals(forRequests)) {
            return code(forRequests) + " (tests: " + code(forTests) + ")";
        }
        return code(forRequests);
    }

    private static String code(String text) {
        return text.equals("none") || text.equals("no limit") ? text : "`" + text + "`";
    }

    private static String accepted(Setting<?> setting) {
        return setting.choices().isEmpty() ? "" : " One of " + setting.choices().stream().map(word -> "`" + word + "`")
                .collect(Collectors.joining(", ")) + ".";
    }
}
