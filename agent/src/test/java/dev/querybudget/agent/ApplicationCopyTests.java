package dev.querybudget.agent;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.meter.RequestOutcome;
import dev.querybudget.sink.FinishedRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished scope copied into the application's types, component by component. Here, unshaded, both sides are the
 * same classes; the agent's end-to-end tests copy from the relocated jar into an application's own core.
 */
class ApplicationCopyTests {

    @Test
    void aFinishedRequestIsCopiedWithItsReportFindingsAndShapes() throws Exception {
        FinishedRequest original = new FinishedRequest(nPlusOne(), "GET", "UNKNOWN", "/items/{id}", 500,
                RequestOutcome.SERVER_ERROR, "java.lang.IllegalStateException", null, null);

        Object copy = new ApplicationCopy(getClass().getClassLoader()).of(original);

        assertThat(copy).isInstanceOfSatisfying(FinishedRequest.class, request -> {
            assertThat(request).isNotSameAs(original);
            assertThat(request.report().format()).isEqualTo(original.report().format());
            assertThat(request.report().counts()).isEqualTo(original.report().counts());
            assertThat(request.report().dataSources()).isEqualTo(original.report().dataSources());
            assertThat(request.outcome()).isEqualTo(RequestOutcome.SERVER_ERROR);
            assertThat(request.exception()).isEqualTo("java.lang.IllegalStateException");
            ShapeFinding finding = request.report().shapeFindings(dev.querybudget.FindingKind.N_PLUS_ONE).get(0);
            assertThat(finding.shape().sql()).isEqualTo("select name from item where id = ?");
            assertThat(finding.shape().type()).isEqualTo(dev.querybudget.StatementType.SELECT);
            assertThat(finding.shape()).hasToString(original.report().shapeFindings(
                    dev.querybudget.FindingKind.N_PLUS_ONE).get(0).shape().toString());
        });
    }

    private static ScopeReport nPlusOne() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:copy;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(50))");
        }
        DataSource counted = QueryRecorder.wrap(h2);
        return QueryRecorder.record("GET /items/{id}", QueryBudgetSettings.forRequests(), () -> {
            try (Connection connection = counted.getConnection();
                 PreparedStatement lookUp = connection.prepareStatement("select name from item where id = ?")) {
                for (int id = 1; id <= 6; id++) {
                    lookUp.setInt(1, id);
                    lookUp.executeQuery().close();
                }
            }
        });
    }
}
