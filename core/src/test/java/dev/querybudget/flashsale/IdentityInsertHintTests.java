package dev.querybudget.flashsale;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unbatched-write hint, followed: inserts of an entity with an IDENTITY id stay single however Hibernate's batch
 * size is set, and the hint says so; the same entity with a pooled sequence and a batch size inserts in one batch.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class IdentityInsertHintTests {

    private static final int VOUCHERS = 12;
    private static final String IDENTITY_HINT = "each insert asks for its generated key, as Hibernate does for an"
            + " IDENTITY id, and Hibernate never batches those (hibernate.jdbc.batch_size does nothing for them):"
            + " switch the id to a sequence with a pooled optimizer (@GeneratedValue(strategy = SEQUENCE) with"
            + " allocationSize > 1) and set hibernate.jdbc.batch_size, or send the rows as one JDBC batch"
            + " (addBatch/executeBatch)";
    private static final String BATCH_HINT = "send the rows as one JDBC batch (addBatch/executeBatch); with Hibernate"
            + " set hibernate.jdbc.batch_size (and hibernate.order_inserts / hibernate.order_updates)";

    @Parameter
    Database database;

    @Test
    void identityIdsAreInsertedOneByOneEvenWithABatchSizeAndTheHintSaysWhy() {
        ScopeReport report = insert(IdentityVoucher.class, IdentityVoucher::new, "50");

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNBATCHED_WRITE);
        ShapeFinding write = (ShapeFinding) report.findings().get(0);
        assertThat(write.sql()).startsWith("insert into voucher(amount, code").doesNotContain("voucher_seq");
        assertThat(write.count()).isEqualTo(VOUCHERS);
        assertThat(write.hint()).isEqualTo(IDENTITY_HINT);
        assertThat(report.counts().insert()).isEqualTo(VOUCHERS);
        assertThat(report.counts().batches()).isZero();
    }

    @Test
    void aPooledSequenceWithoutABatchSizeGetsTheBatchSizeHint() {
        ScopeReport report = insert(PooledVoucher.class, PooledVoucher::new, null);

        ShapeFinding write = report.shapeFindings(FindingKind.UNBATCHED_WRITE).get(0);
        assertThat(write.sql()).isEqualTo("insert into voucher(amount, code, id) values (?, ?, ?)");
        assertThat(write.hint()).isEqualTo(BATCH_HINT);
    }

    @Test
    void followingTheHintPooledSequenceAndBatchSizeInsertInOneBatch() {
        ScopeReport report = insert(PooledVoucher.class, PooledVoucher::new, "50");

        assertThat(report.findings()).isEmpty();
        assertThat(report.counts().insert()).isEqualTo(1);
        assertThat(report.counts().batches()).isEqualTo(1);
    }

    /** Persists {@link #VOUCHERS} vouchers of {@code entity} in one transaction, recorded. */
    private ScopeReport insert(Class<? extends Voucher> entity, VoucherMaker make, String batchSize) {
        try (Database.Isolated isolated = database.isolated()) {
            DataSource dataSource = QueryRecorder.wrap(isolated.dataSource());
            Configuration configuration = new Configuration().addAnnotatedClass(entity);
            configuration.getProperties().putAll(Map.of("hibernate.connection.datasource", dataSource,
                    "hibernate.hbm2ddl.auto", "create-drop"));
            if (batchSize != null) {
                configuration.getProperties().put("hibernate.jdbc.batch_size", batchSize);
            }
            try (SessionFactory sessionFactory = configuration.buildSessionFactory()) {
                return QueryRecorder.record("import vouchers", () -> sessionFactory.inTransaction(session -> {
                    for (int i = 0; i < VOUCHERS; i++) {
                        session.persist(make.apply("V" + i, BigDecimal.TEN));
                    }
                }));
            }
        }
    }

    @FunctionalInterface
    private interface VoucherMaker {
        Voucher apply(String code, BigDecimal amount);
    }
}
