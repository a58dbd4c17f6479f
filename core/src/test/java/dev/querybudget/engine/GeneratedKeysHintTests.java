package dev.querybudget.engine;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JDBC: inserts prepared asking for their generated keys get the IDENTITY hint, whichever way they ask; the same
 * kind of insert prepared without get the batch hint. (A shape remembers that it was asked for keys, so each case has
 * a table of its own.)
 */
class GeneratedKeysHintTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void returnGeneratedKeysColumnNamesAndIndexesEachGiveTheIdentityHint() throws Exception {
        assertThat(hintOfThreeInserts("keys_flag", Statement.RETURN_GENERATED_KEYS, null, null))
                .startsWith("each insert asks for its generated key, as Hibernate does for an IDENTITY id");
        assertThat(hintOfThreeInserts("keys_names", 0, new String[]{"id"}, null))
                .startsWith("each insert asks for its generated key");
        assertThat(hintOfThreeInserts("keys_indexes", 0, null, new int[]{1}))
                .startsWith("each insert asks for its generated key");
    }

    @Test
    void insertsPreparedWithoutKeysKeepTheBatchHint() throws Exception {
        assertThat(hintOfThreeInserts("no_keys", Statement.NO_GENERATED_KEYS, null, null))
                .isEqualTo("send the rows as one JDBC batch (addBatch/executeBatch); with Hibernate set"
                        + " hibernate.jdbc.batch_size (and hibernate.order_inserts / hibernate.order_updates)");
    }

    private String hintOfThreeInserts(String table, int keys, String[] names, int[] indexes) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (id int auto_increment primary key, name varchar(20))");
        }
        String sql = "insert into " + table + " (name) values (?)";
        ScopeReport report = QueryRecorder.record("inserts", () -> {
            try (Connection connection = dataSource.getConnection()) {
                for (int i = 0; i < 3; i++) {
                    try (PreparedStatement insert = names != null ? connection.prepareStatement(sql, names)
                            : indexes != null ? connection.prepareStatement(sql, indexes)
                            : connection.prepareStatement(sql, keys)) {
                        insert.setString(1, "row " + i);
                        insert.executeUpdate();
                    }
                }
            }
        });
        ShapeFinding write = report.shapeFindings(FindingKind.UNBATCHED_WRITE).get(0);
        assertThat(write.count()).isEqualTo(3);
        return write.hint();
    }
}
