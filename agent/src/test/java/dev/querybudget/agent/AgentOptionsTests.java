package dev.querybudget.agent;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.SettingErrorCases;
import dev.querybudget.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The agent reads core's table from its three sources and refuses every bad value with the same words. */
class AgentOptionsTests {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void everyBadValueIsRefusedNamingTheArgumentPropertyOrVariable() {
        assertThat(SettingErrorCases.of(Front.AGENT)).isNotEmpty();
        for (SettingErrorCases.Case one : SettingErrorCases.of(Front.AGENT)) {
            String name = one.setting();
            assertThat(refusal(name + "=" + one.text(), NONE, NONE))
                    .isEqualTo(line(one.detail("option '" + name + "'")));
            assertThat(refusal(null, Map.of("querybudget." + name, one.text()), NONE))
                    .isEqualTo(line(one.detail("system property 'querybudget." + name + "'")));
            assertThat(refusal(null, NONE, Map.of(one.key().environmentVariable(), one.text())))
                    .isEqualTo(line(one.detail("environment variable " + one.key().environmentVariable())));
        }
    }

    @Test
    void aBareOptionIsAnOptionWithNoValueNotTrue() {
        assertThat(refusal("threshold", NONE, NONE)).isEqualTo("QueryBudget agent: option 'threshold' had no value,"
                + " accepted: a whole number of at least 2. The agent is off; the application starts without it.");
    }

    @Test
    void anArgumentWinsOverAPropertyWhichWinsOverAVariable() {
        ResolvedSettings settings = AgentOptions.read("threshold=4,ignore-urls=/health,/admin/*",
                Map.of("querybudget.threshold", "6", "querybudget.max-queries", "20")::get,
                Map.of("QUERYBUDGET_MAX_QUERIES", "30", "QUERYBUDGET_JSON", "/tmp/findings.jsonl")::get);

        assertThat(settings.get(Settings.THRESHOLD)).isEqualTo(4);
        assertThat(settings.get(Settings.MAX_QUERIES)).isEqualTo(20);
        assertThat(settings.get(Settings.JSON)).isEqualTo("/tmp/findings.jsonl");
        assertThat(settings.get(Settings.IGNORE_URLS)).containsExactly("/actuator/*", "/health", "/admin/*");
        assertThat(settings.scopeSettings().threshold()).isEqualTo(4);
    }

    @Test
    void withNothingGivenTheAgentHasTheRequestDefaults() {
        ResolvedSettings settings = AgentOptions.read("", NONE::get, NONE::get);

        assertThat(settings.scopeSettings()).isEqualTo(dev.querybudget.QueryBudgetSettings.forRequests());
        assertThat(settings.get(Settings.LOG)).isTrue();
        assertThat(settings.get(Settings.OUTSIDE_REQUESTS)).isEqualTo("ignore");
    }

    private static String refusal(String arguments, Map<String, String> properties, Map<String, String> variables) {
        InvalidSettingException invalid = catchThrowableOfType(InvalidSettingException.class,
                () -> AgentOptions.read(arguments, properties::get, variables::get));
        assertThat(invalid).as("refused: %s %s %s", arguments, properties, variables).isNotNull();
        return AgentOptions.refusal(invalid);
    }

    private static String line(String detail) {
        return "QueryBudget agent: " + detail + ". The agent is off; the application starts without it.";
    }
}
