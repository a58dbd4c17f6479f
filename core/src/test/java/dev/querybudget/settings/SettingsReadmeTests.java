package dev.querybudget.settings;

import dev.querybudget.GeneratedReadme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * README's table of settings is the table in {@link Settings}, rendered: names, fronts, defaults and descriptions
 * never drift from the code. {@code -Dquerybudget.readme.update=true} rewrites it after the table changed.
 */
class SettingsReadmeTests {

    @Test
    void theReadmeShowsTheTableOfSettings() {
        GeneratedReadme.assertShows("settings", Settings.class.getName(), SettingsReadmeTests.class, table());
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
