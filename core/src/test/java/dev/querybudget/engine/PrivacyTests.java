package dev.querybudget.engine;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.report.JsonRenderer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Bind values and SQL literals stay out of every report unless the user opts in. */
class PrivacyTests {

    private static final String SECRET = "ada@example.com";

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void byDefaultNoBindValueOrLiteralReachesTheTextOrTheJson() throws Exception {
        ScopeReport report = QueryRecorder.record("private", QueryBudgetSettings.defaults().withBudget(Budget.total(1)),
                this::lookUpSecrets);

        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(2);
        String everything = report.format() + report.findings().stream().map(JsonRenderer::render).toList();
        assertThat(everything).doesNotContain(SECRET, "4711", "secret-literal");
    }

    @Test
    void optedInParametersAppearAsAFewSamples() throws Exception {
        ScopeReport report = QueryRecorder.record("opted in", QueryBudgetSettings.defaults().withIncludeParameters(true),
                this::lookUpSecrets);

        ShapeFinding finding = (ShapeFinding) report.findings().get(0);
        assertThat(finding.parameterSamples()).containsExactly("[1='" + SECRET + "0', 2=4711]",
                "[1='" + SECRET + "1', 2=4711]", "[1='" + SECRET + "2', 2=4711]");
        assertThat(report.format()).contains("parameters: [1='" + SECRET + "0', 2=4711]");
        assertThat(JsonRenderer.render(finding)).contains("\"parameters\":[\"[1='" + SECRET + "0', 2=4711]\"");
    }

    private void lookUpSecrets() throws Exception {
        for (int i = 0; i < 4; i++) {
            Sql.query(dataSource, "select id from item where name = ? or id = ?", SECRET + i, 4711);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("select id from item where name = 'secret-literal'").close();
        }
    }
}
