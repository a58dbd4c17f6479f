package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeRecordingAccess;
import dev.querybudget.ScopeReport;
import dev.querybudget.internal.scope.ScopeRecording.Footprint;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** A scope's memory stays fixed however many statements it records. */
class BoundedMemoryTests {

    private static final int SHAPES = 50;
    private static final int STATEMENTS = 1_000_000;

    @Test
    void oneMillionStatementsOfFiftyShapesKeepASmallFixedStructure() throws Exception {
        DataSource dataSource = QueryRecorder.wrap(H2.database());
        QueryScope scope = QueryRecorder.open("a million", QueryBudgetSettings.defaults());
        Footprint afterHalfAMillion = null;
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement[] statements = new PreparedStatement[SHAPES];
            for (int s = 0; s < SHAPES; s++) {
                statements[s] = connection.prepareStatement("select ? as column_" + s);
            }
            for (int i = 0; i < STATEMENTS; i++) {
                PreparedStatement statement = statements[i % SHAPES];
                statement.setInt(1, i);
                statement.executeQuery().close();
                if (i == 500_000) {
                    afterHalfAMillion = ScopeRecordingAccess.footprint(scope);
                }
            }
        }
        Footprint afterAMillion = ScopeRecordingAccess.footprint(scope);
        ScopeReport report = scope.finish();

        assertThat(report.counts().select()).isEqualTo(STATEMENTS);
        assertThat(report.shapes()).hasSize(SHAPES);
        assertThat(afterAMillion.shapes()).isEqualTo(SHAPES);
        // per shape: a parameter-hash table of at most 128 slots, at most 8 call sites of 5 frames and 32 hashes each
        assertThat(afterAMillion.entries()).isLessThanOrEqualTo(SHAPES * (128 + 8 * (5 + 32)));
        assertThat(afterAMillion).isEqualTo(afterHalfAMillion);
    }

    @Test
    void longDistinctStatementsHoldAtMostTheShapeBoundEachInAScope() throws Exception {
        DataSource dataSource = QueryRecorder.wrap(H2.database());
        StringBuilder columns = new StringBuilder("id as c0");
        for (int c = 1; c < 5_000; c++) {
            columns.append(", id as c").append(c);
        }
        ScopeReport report = QueryRecorder.record("long statements", () -> {
            for (int s = 0; s < 20; s++) {
                Sql.query(dataSource, "select " + columns + ", " + s + " as marker_" + s + " from item where id = ?", 1);
            }
        });

        assertThat(report.shapes()).hasSize(20).allSatisfy(shape -> assertThat(shape.shape().sql())
                .hasSize(dev.querybudget.internal.shape.Shape.MAX_LENGTH)
                .containsPattern(" … \\[\\d+ characters, #[0-9a-f]+]$"));
    }
}
