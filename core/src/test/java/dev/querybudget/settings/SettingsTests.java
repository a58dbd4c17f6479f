package dev.querybudget.settings;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ThreadMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one table of settings: names, defaults per kind of scope, checks, and the sources every front reads. */
class SettingsTests {

    @Test
    void everyErrorCaseNamesASettingOfTheTableAndEverySettingThatCanBeWrongHasACase() {
        assertThat(SettingErrorCases.all()).allSatisfy(one -> assertThat(one.key()).as(one.setting()).isNotNull());
        // Every text is a fragment of a shape; a path is only wrong once written to; bean names are checked against
        // the application's beans (the starter's own test).
        List<Setting<?>> acceptAnyText = List.of(Settings.IGNORE_SHAPES, Settings.JSON, Settings.SNAPSHOTS_DIR,
                Settings.EXCLUDED_DATA_SOURCES);
        assertThat(Settings.all()).filteredOn(setting -> !acceptAnyText.contains(setting))
                .allSatisfy(setting -> assertThat(SettingErrorCases.all()).as(setting.name())
                        .anyMatch(one -> one.key() == setting));
    }

    @Test
    void eachBadValueIsRefusedWithTheSameWordsFromEverySource() {
        for (SettingErrorCases.Case one : SettingErrorCases.all()) {
            Setting<?> setting = one.key();
            Front front = setting.fronts().iterator().next();
            assertThatThrownBy(() -> ResolvedSettings.resolve(front, ScopeKind.REQUEST,
                    SettingSource.properties("system property", Map.of(setting.propertyName(), one.text())::get)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage(one.message("system property '" + setting.propertyName() + "'"));
            assertThatThrownBy(() -> ResolvedSettings.resolve(front, ScopeKind.REQUEST,
                    SettingSource.environment(Map.of(setting.environmentVariable(), one.text())::get)))
                    .hasMessage(one.message("environment variable " + setting.environmentVariable()));
        }
    }

    @Test
    void theDefaultsDifferPerKindOfScopeOnlyWhereTheTableSaysSo() {
        assertThat(QueryBudgetSettings.forTests().threshold()).isEqualTo(3);
        assertThat(QueryBudgetSettings.forTests().budget()).isEqualTo(Budget.NONE);
        assertThat(QueryBudgetSettings.forRequests().threshold()).isEqualTo(5);
        assertThat(QueryBudgetSettings.forRequests().budget()).isEqualTo(Budget.total(10));
        assertThat(QueryBudgetSettings.defaults()).isEqualTo(QueryBudgetSettings.forTests());
        assertThat(ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, SettingSource.NONE).scopeSettings())
                .isEqualTo(QueryBudgetSettings.forRequests());
        assertThat(ResolvedSettings.resolve(Front.JUNIT, ScopeKind.TEST, SettingSource.NONE).scopeSettings())
                .isEqualTo(QueryBudgetSettings.forTests());
    }

    @Test
    void oneSpellingPerSettingInEverySource() {
        assertThat(Settings.MAX_QUERIES.propertyName()).isEqualTo("querybudget.max-queries");
        assertThat(Settings.MAX_QUERIES.environmentVariable()).isEqualTo("QUERYBUDGET_MAX_QUERIES");
        assertThat(Settings.RESPONSE_HEADER_NAME.environmentVariable()).isEqualTo("QUERYBUDGET_RESPONSE_HEADER_NAME");
        assertThat(Settings.all()).extracting(Setting::name).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z]+([.-][a-z]+)*"));
    }

    @Test
    void everySettingOfTheScopeReachesTheScopeSettings() {
        ResolvedSettings resolved = ResolvedSettings.resolve(Front.JUNIT, ScopeKind.TEST, SettingSource.properties(
                "configuration parameter", Map.of("querybudget.threshold", "4", "querybudget.max-queries", "7",
                        "querybudget.include-parameters", "true", "querybudget.application-packages", "com.example.",
                        "querybudget.skip-frames", "com.example.Dao", "querybudget.ignore-call-sites",
                        "com.example.legacy", "querybudget.ignore-shapes", "NEXTVAL,pg_catalog",
                        "querybudget.threads", "all")::get));

        assertThat(resolved.scopeSettings()).isEqualTo(new QueryBudgetSettings(4, Budget.total(7),
                ThreadMode.ALL_THREADS, true, List.of("com.example."), List.of("com.example.Dao"),
                List.of("com.example.legacy"), List.of("nextval", "pg_catalog")));
    }

    @Test
    void aListGivenAddsToTheBuiltInItems() {
        ResolvedSettings resolved = ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST,
                SettingSource.environment(Map.of("QUERYBUDGET_IGNORE_URLS", " /health , /admin/*,")::get));

        assertThat(resolved.get(Settings.IGNORE_URLS)).containsExactly("/actuator/*", "/health", "/admin/*");
        assertThat(ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, SettingSource.NONE)
                .get(Settings.IGNORE_URLS)).containsExactly("/actuator/*");
    }

    @Test
    void theFirstSourceWithAValueWins() {
        SettingSource source = SettingSource.optionLine("threshold=4", "option", Front.AGENT)
                .or(SettingSource.properties("system property", Map.of("querybudget.threshold", "6",
                        "querybudget.max-queries", "20")::get))
                .or(SettingSource.environment(Map.of("QUERYBUDGET_MAX_QUERIES", "30", "QUERYBUDGET_LOG", "false")::get));

        ResolvedSettings resolved = ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, source);

        assertThat(resolved.get(Settings.THRESHOLD)).isEqualTo(4);
        assertThat(resolved.get(Settings.MAX_QUERIES)).isEqualTo(20);
        assertThat(resolved.get(Settings.LOG)).isFalse();
    }

    @Test
    void anOptionLineSeparatesOptionsAndListItemsWithCommas() {
        ResolvedSettings resolved = ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, SettingSource.optionLine(
                "ignore-urls=/health,/admin/*,threshold=3,ignore-shapes=where id = ?,nextval,include-parameters",
                "option", Front.AGENT));

        assertThat(resolved.get(Settings.IGNORE_URLS)).containsExactly("/actuator/*", "/health", "/admin/*");
        assertThat(resolved.get(Settings.THRESHOLD)).isEqualTo(3);
        assertThat(resolved.get(Settings.IGNORE_SHAPES)).containsExactly("where id = ?", "nextval");
        assertThat(resolved.get(Settings.INCLUDE_PARAMETERS)).isTrue();
    }

    @Test
    void aBareOptionThatIsNoSwitchHadNoValue() {
        assertThatThrownBy(() -> ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST,
                SettingSource.optionLine("log=false,threshold", "option", Front.AGENT)))
                .hasMessage("QueryBudget: option 'threshold' had no value, accepted: a whole number of at least 2");
    }

    @Test
    void anUnknownOptionIsNamedWithTheSettingsOfItsFrontAndTheClosestOne() {
        assertThatThrownBy(() -> SettingSource.optionLine("treshold=5", "option", Front.AGENT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("QueryBudget: option 'treshold' is not a QueryBudget setting, accepted: one of"
                        + " application-packages, enabled, ignore-call-sites, ignore-shapes, ignore-urls,"
                        + " include-parameters, json, log, max-queries, outside-requests, skip-frames, threshold"
                        + " (did you mean 'threshold'?)");
        assertThatThrownBy(() -> SettingSource.optionLine("threshold=5,mode=throw", "option", Front.AGENT))
                .hasMessageStartingWith("QueryBudget: option 'mode' is not a QueryBudget setting, accepted: one of");
        assertThatThrownBy(() -> SettingSource.optionLine("ignore-urls=/health,tresh-old=4", "option", Front.AGENT))
                .hasMessageStartingWith("QueryBudget: option 'tresh-old' is not a QueryBudget setting");
    }

    @Test
    void theClosestSettingCatchesOldSpellingsAndTyposButNotNonsense() {
        assertThat(Settings.closest("ignore.urls")).isSameAs(Settings.IGNORE_URLS);
        assertThat(Settings.closest("ignored-frames")).isSameAs(Settings.SKIP_FRAMES);
        assertThat(Settings.closest("ignore.call-sites")).isSameAs(Settings.IGNORE_CALL_SITES);
        assertThat(Settings.closest("treshold")).isSameAs(Settings.THRESHOLD);
        assertThat(Settings.closest("maxqueries")).isSameAs(Settings.MAX_QUERIES);
        assertThat(Settings.closest("colour")).isNull();
    }

    @Test
    void aValueIsShownOnOneLineAndCut() {
        assertThatThrownBy(() -> Settings.THRESHOLD.parse("4\n2", "system property 'querybudget.threshold'"))
                .hasMessage("QueryBudget: system property 'querybudget.threshold' was '4\\u000a2', accepted: a whole"
                        + " number of at least 2");
        assertThatThrownBy(() -> Settings.THRESHOLD.parse("9".repeat(500), "x"))
                .hasMessage("QueryBudget: x was '" + "9".repeat(200) + "…', accepted: a whole number of at least 2");
    }

    @Test
    void typedValuesAreCheckedByTheSameRules() {
        assertThatThrownBy(() -> new QueryBudgetSettings(1, Budget.NONE, ThreadMode.SCOPE_THREAD, false, List.of(),
                List.of(), List.of(), List.of()))
                .hasMessage("QueryBudget: setting 'threshold' was '1', accepted: a whole number of at least 2");
        assertThatThrownBy(() -> Budget.total(-3))
                .hasMessage("QueryBudget: budget 'total' was '-3', accepted: a whole number of at least 0, or -1 for"
                        + " no limit");
    }

    @Test
    void aSettingOfAnotherFrontIsNotReadFromThisOne() {
        ResolvedSettings agent = ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, SettingSource.NONE);

        assertThatThrownBy(() -> agent.get(Settings.MODE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'mode' does not apply to AGENT");
    }
}
