package dev.querybudget.spring;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.SettingErrorCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter reads core's table from Spring's environment: every bad value stops start-up with the same words as
 * the agent and the JUnit extension, explained by a failure analysis; a misspelled property or DataSource name is
 * not silently taken.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringSettingsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(BootClasses.of(BootClasses.DATA_SOURCE))
            .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                    QueryBudgetAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:settings;DB_CLOSE_DELAY=-1");

    @Test
    void everyBadValueStopsStartUpNamingTheProperty() {
        assertThat(SettingErrorCases.of(Front.SPRING_BOOT)).isNotEmpty();
        for (SettingErrorCases.Case one : SettingErrorCases.of(Front.SPRING_BOOT)) {
            String property = one.key().propertyName();
            runner.withPropertyValues(property + "=" + one.text()).run(context -> assertThat(failure(context))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage(one.message("property '" + property + "' (from property source \"test\")")));
        }
    }

    @Test
    void theFailureAnalysisSaysWhatToDo() {
        runner.withPropertyValues("querybudget.threshold=1").run(context -> {
            FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("QueryBudget: property 'querybudget.threshold' (from"
                    + " property source \"test\") was '1', accepted: a whole number of at least 2.");
            assertThat(analysis.getAction()).isEqualTo("Give property 'querybudget.threshold' (from property source"
                    + " \"test\") a whole number of at least 2, or remove it to keep QueryBudget's default.");
        });
    }

    @Test
    void aMisspelledDataSourceNameStopsStartUpNamingTheBeansThereAre() {
        runner.withPropertyValues("querybudget.excluded-data-sources=dataSorce").run(context -> assertThat(
                failure(context)).hasMessage("QueryBudget: property"
                        + " 'querybudget.excluded-data-sources' was 'dataSorce', accepted: names of this application's"
                        + " DataSource beans (dataSource)"));
    }

    /** The exception that stopped start-up, under Spring's wrappers. */
    private static Throwable failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Test
    void aPropertyThatIsNoSettingIsLoggedWithTheSettingItMostLikelyMeant(CapturedOutput output) {
        runner.withPropertyValues("querybudget.ignore.urls=/health", "querybudget.treshold=4",
                "querybudget.colour=blue").run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("QueryBudget: property 'querybudget.ignore.urls' is not a QueryBudget setting and"
                        + " has no effect; did you mean 'querybudget.ignore-urls'?")
                .contains("QueryBudget: property 'querybudget.treshold' is not a QueryBudget setting and has no"
                        + " effect; did you mean 'querybudget.threshold'?")
                .contains("QueryBudget: property 'querybudget.colour' is not a QueryBudget setting and has no"
                        + " effect\n");
        assertThat(output.getOut().lines().filter(line -> line.contains("property 'querybudget.treshold' is not")))
                .as("logged once, however many parts of the starter read the settings").hasSize(1);
    }
}
