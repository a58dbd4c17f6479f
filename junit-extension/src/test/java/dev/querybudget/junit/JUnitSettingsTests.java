package dev.querybudget.junit;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.SettingErrorCases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension reads core's table from JUnit configuration parameters: the same settings as the agent and the
 * starter, refused with the same words, and the settings the other fronts have reach a test too.
 */
class JUnitSettingsTests {

    static final TestDatabase DB = TestDatabase.create();

    static class SettingsTestCases {
        @Test
        @QueryBudget
        void loopOfFour() {
            DB.lookUp(1, 4);
        }
    }

    @Test
    void everyBadValueIsAConfigurationErrorNamingTheParameter() {
        assertThat(SettingErrorCases.of(Front.JUNIT)).isNotEmpty();
        for (SettingErrorCases.Case one : SettingErrorCases.of(Front.JUNIT)) {
            String parameter = one.key().propertyName();
            assertThat(outcomes(run(SettingsTestCases.class, Map.of(parameter, one.text()))))
                    .containsExactly(Map.entry("loopOfFour", one.message("configuration parameter '" + parameter
                            + "'")));
        }
    }

    @Test
    void theIgnoreListsOfTheOtherFrontsWorkInTestsToo() {
        assertThat(outcomes(run(SettingsTestCases.class))).hasEntrySatisfying("loopOfFour",
                outcome -> assertThat(outcome).contains("N+1 query: select ran 4 times"));
        assertThat(outcomes(run(SettingsTestCases.class, Map.of("querybudget.ignore-shapes", "from ITEM where"))))
                .containsExactly(Map.entry("loopOfFour", "passed"));
        assertThat(outcomes(run(SettingsTestCases.class, Map.of("querybudget.ignore-call-sites",
                TestDatabase.class.getName())))).containsExactly(Map.entry("loopOfFour", "passed"));
    }

    @Test
    void aDefaultBudgetForEveryTestComesFromMaxQueries() {
        assertThat(outcomes(run(SettingsTestCases.class, Map.of("querybudget.max-queries", "3",
                "querybudget.n-plus-one", "ignore")))).hasEntrySatisfying("loopOfFour", outcome -> assertThat(outcome)
                .contains("Over query budget: 4 statements ran, the budget allows 3"));
    }
}
