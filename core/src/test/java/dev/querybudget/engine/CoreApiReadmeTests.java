package dev.querybudget.engine;

// tag::readme-core-api[]
import dev.querybudget.Budget;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.report.JsonRenderer;

import javax.sql.DataSource;
import java.util.List;

// end::readme-core-api[]
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** README's core API example, run as written (the README shows the tagged code): it finds the N+1 it promises. */
class CoreApiReadmeTests {

    private final DataSource dataSource = H2.database();

    @Test
    void theReadmeExampleFindsTheNPlusOne() throws Exception {
        long userId = 1;

        // tag::readme-core-api[]
        DataSource counted = QueryRecorder.wrap(dataSource);          // idempotent; unwrap() still reaches the vendor classes
        OrderService orderService = new OrderService(counted);        // your code, on the wrapped DataSource

        ScopeReport report = QueryRecorder.record("list orders",
                QueryBudgetSettings.defaults().withThreshold(3).withBudget(Budget.total(10)),
                () -> orderService.listOrders(userId));

        List<ShapeFinding> nPlusOnes = report.shapeFindings(FindingKind.N_PLUS_ONE); // shape, count, call site, hint…
        System.out.println(report.format());                                       // the human report shown above
        String json = JsonRenderer.render(report.findings().get(0));               // one line of JSON
        // end::readme-core-api[]

        assertThat(report.counts().select()).isEqualTo(6);
        assertThat(nPlusOnes).singleElement().satisfies(finding -> {
            assertThat(finding.sql()).isEqualTo("select name from item where id = ?");
            assertThat(finding.count()).isEqualTo(5);
        });
        assertThat(report.findings()).hasSize(1);
        assertThat(report.format()).startsWith("QueryBudget: 1 finding in \"list orders\": 6 statements");
        assertThat(json).startsWith("{\"kind\":\"N_PLUS_ONE\",\"fingerprint\":\"" + nPlusOnes.get(0).fingerprint()
                + "\",\"scope\":\"list orders\",");
    }

    /** The application's code: the user's orders, then one lookup per order. */
    private static final class OrderService {

        private final DataSource dataSource;

        OrderService(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        void listOrders(long userId) throws SQLException {
            for (Object id : Sql.query(dataSource, "select id from item where id <= ? order by id", userId * 5)) {
                Sql.query(dataSource, "select name from item where id = ?", id);
            }
        }
    }
}
