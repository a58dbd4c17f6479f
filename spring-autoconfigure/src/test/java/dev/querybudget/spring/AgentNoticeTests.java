package dev.querybudget.spring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line the starter logs when the agent is attached at start-up, and the properties it names. (The agent itself
 * is attached in the agent module's forked-JVM tests, which assert this line in a real application.)
 */
@ExtendWith(OutputCaptureExtension.class)
class AgentNoticeTests {

    @Test
    void namesThePropertiesThatHaveNoEffect() {
        assertThat(AgentNotice.line(List.of("querybudget.mode", "querybudget.threshold"))).isEqualTo(
                "QueryBudget: the QueryBudget agent is attached and reports each request with its own options, so the"
                        + " starter wraps no DataSource and reports nothing (no response header, throw mode, meters or"
                        + " actuator entries of its own); these properties have no effect: querybudget.mode,"
                        + " querybudget.threshold. Give the agent its options instead:"
                        + " -javaagent:querybudget-agent.jar=key=value, -Dquerybudget.<key> or QUERYBUDGET_<KEY>.");
    }

    @Test
    void withNoPropertySetItSaysThatOneWouldHaveNoEffect() {
        assertThat(AgentNotice.line(List.of())).isEqualTo(
                "QueryBudget: the QueryBudget agent is attached and reports each request with its own options, so the"
                        + " starter wraps no DataSource and reports nothing (no response header, throw mode, meters or"
                        + " actuator entries of its own); a querybudget.* property would have no effect. Give the agent"
                        + " its options instead: -javaagent:querybudget-agent.jar=key=value, -Dquerybudget.<key> or"
                        + " QUERYBUDGET_<KEY>.");
    }

    @Test
    void aPropertyTheAgentReadsTooIsNotNamed() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("Config resource 'application.properties'",
                Map.of("querybudget.mode", "warn", "querybudget.threshold", "3", "querybudget.ignore-urls[0]", "/health",
                        "querybudget.enabled", "true")));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        Map.of("querybudget.max-queries", "8", "querybudget.response-header.enabled", "true")));

        assertThat(AgentNotice.withoutEffect(environment)).as("max-queries reaches the agent as a system property")
                .containsExactly("querybudget.threshold", "querybudget.ignore-urls", "querybudget.mode",
                        "querybudget.response-header.enabled");
    }

    @Test
    void withoutTheAgentTheStarterSaysNothingAndWrapsAsBefore(CapturedOutput output) {
        new ApplicationContextRunner()
                .withConfiguration(BootClasses.of(BootClasses.DATA_SOURCE))
                .withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:notice;DB_CLOSE_DELAY=-1",
                        "querybudget.mode=warn")
                .run(context -> {
                    assertThat(context).hasSingleBean(AgentNotice.class);
                    assertThat(DataSourceWrapper.isWrapped(context.getBean(javax.sql.DataSource.class))).isTrue();
                });

        assertThat(output).doesNotContain("QueryBudget agent is attached");
    }
}
