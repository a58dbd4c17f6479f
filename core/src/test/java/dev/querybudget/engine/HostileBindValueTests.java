package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.internal.FailOpen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.Serial;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bind value whose own {@code hashCode} or {@code toString} throws or recurses costs no statement its count, and
 * the warning about it names the value's type, never the value or the failure's message.
 */
class HostileBindValueTests {

    private static final String SECRET = "card 4111-1111-1111-1111";

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Its hashCode throws with the value's data in the message. */
    static final class ThrowingHash implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public int hashCode() {
            throw new IllegalStateException(SECRET);
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public String toString() {
            return SECRET;
        }
    }

    /** Its hashCode and toString recurse without end. */
    static final class RecursingValue implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public int hashCode() {
            return 31 * hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public String toString() {
            return "x" + this;
        }
    }

    @BeforeEach
    void captureWarnings() {
        Logger.getLogger("dev.querybudget").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("dev.querybudget").removeHandler(capture);
    }

    @Test
    void aValueWhoseHashCodeThrowsIsCountedAndItsMessageIsNotLogged() throws Exception {
        long failuresBefore = FailOpen.failureCount();

        ScopeReport report = QueryRecorder.record("throwing hash", () -> runThreeTimes(new ThrowingHash()));

        assertThat(report.counts().total()).isEqualTo(3);
        assertThat(FailOpen.failureCount()).isEqualTo(failuresBefore + 3);
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getMessage()).isEqualTo("QueryBudget failed while hashing a bind value of type "
                    + ThrowingHash.class.getName() + " (java.lang.IllegalStateException); the application goes on"
                    + " unaffected. Further failures of this kind are counted, not logged.");
            assertThat(record.getThrown()).isNull();
        });
    }

    @Test
    void aValueWhoseHashCodeAndToStringRecurseIsCountedAndRenderedByItsType() throws Exception {
        ScopeReport report = QueryRecorder.record("recursing", QueryBudgetSettings.defaults().withIncludeParameters(true),
                () -> runThreeTimes(new RecursingValue()));

        assertThat(report.counts().total()).isEqualTo(3);
        ShapeFinding finding = (ShapeFinding) report.findings().get(0);
        assertThat(finding.parameterSamples()).first()
                .isEqualTo("[1=1, 2=<" + RecursingValue.class.getName() + ">]");
        assertThat(logged).extracting(LogRecord::getMessage).containsExactlyInAnyOrder(
                "QueryBudget failed while hashing a bind value of type " + RecursingValue.class.getName()
                        + " (java.lang.StackOverflowError); the application goes on unaffected. Further failures of"
                        + " this kind are counted, not logged.",
                "QueryBudget failed while rendering a bind value of type " + RecursingValue.class.getName()
                        + " (java.lang.StackOverflowError); the application goes on unaffected. Further failures of"
                        + " this kind are counted, not logged.");
    }

    private void runThreeTimes(Object value) throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "select name from item where id = ? and (? is not null)")) {
                statement.setInt(1, 1);
                statement.setObject(2, value, Types.JAVA_OBJECT);
                statement.executeQuery().close();
            }
        }
    }
}
