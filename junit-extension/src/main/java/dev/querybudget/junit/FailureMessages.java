package dev.querybudget.junit;

import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.report.FindingRenderer;

import java.util.List;

/** The words a failing test shows. They are API: the tests assert them word for word. */
final class FailureMessages {

    static final String NOT_WIRED = """
            @QueryBudget cannot count this test's statements: nothing in this JVM is wrapped by QueryBudget, so \
            the test would pass whatever it ran. Wire it in one of three ways:
              1. wrap the DataSource the code under test uses: dev.querybudget.QueryRecorder.wrap(dataSource) \
            (querybudget-core);
              2. in a Spring Boot test, add the querybudget-spring-boot-starter dependency: it wraps every \
            DataSource bean;
              3. attach the agent to the test JVM: <argLine>-javaagent:path/to/querybudget-agent.jar</argLine> in \
            the maven-surefire-plugin configuration.""";

    private FailureMessages() {
    }

    /** The failing findings of a test, under the test's counts. */
    static String findings(ScopeReport report, List<Finding> failing) {
        return FindingRenderer.render(report.withFindings(failing));
    }
}
