package dev.querybudget.bench;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/**
 * QueryBudget's overhead as paired ratios: raw JDBC and QueryBudget in one JVM, taking turns round after round on
 * the same units of work as {@link JdbcOverheadBenchmark}, each round giving one ratio. On a small shared machine the
 * JMH tables compare variants measured minutes apart in different JVMs, and a slow spell or a lucky JIT moves a mean
 * by 20% or more; turns a few milliseconds long cancel the drift, so the median ratio is steady to a few percent.
 * The targets are judged on these ratios.
 *
 * <p>Both sides run the same unit of work's code, so each of its JDBC call sites sees two types (HikariCP's proxies
 * and QueryBudget's wrappers); HotSpot inlines both behind a type check, a nanosecond or so per call against
 * microseconds per lookup. Rounds alternate which side goes first.
 */
final class PairedOverhead {

    static final int WARM_UP_ROUNDS = 40;
    static final int ROUNDS = 200;

    private final QueryBudgetSettings settings = QueryBudgetSettings.defaults().withThreshold(5);

    /** A unit of work and how many of them make a turn. */
    enum Work {
        LOOKUP("a scope where nothing repeats: one lookup per scope", 2_000),
        REPEATED_LOOKUPS("a shape repeating 1,000× in one scope, per lookup", 2),
        BATCH_INSERT("a 100-row batch, one per scope", 20);

        final String description;
        final int perTurn;

        Work(String description, int perTurn) {
            this.description = description;
            this.perTurn = perTurn;
        }
    }

    /** The median of the rounds' ratios and its interquartile range. */
    record Ratio(Work work, double median, double lowerQuartile, double upperQuartile) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.3f× (interquartile %.3f–%.3f)", work.description, median,
                    lowerQuartile, upperQuartile);
        }
    }

    Ratio measure(Work work) throws SQLException {
        try (JdbcFixture raw = new JdbcFixture("raw", "h2");
             JdbcFixture counted = new JdbcFixture("querybudget", "h2")) {
            Side rawSide = new RawSide(raw);
            Side countedSide = new CountedSide(counted, settings);
            double[] ratios = new double[ROUNDS];
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                boolean rawFirst = (round & 1) == 0;
                long first = (rawFirst ? rawSide : countedSide).turn(work);
                long second = (rawFirst ? countedSide : rawSide).turn(work);
                if (round >= 0) {
                    ratios[round] = rawFirst ? (double) second / first : (double) first / second;
                }
            }
            Arrays.sort(ratios);
            return new Ratio(work, ratios[ROUNDS / 2], ratios[ROUNDS / 4], ratios[ROUNDS * 3 / 4]);
        }
    }

    /**
     * Runs this part alone, all units of work or those named:
     * {@code java -cp bench/target/benchmarks.jar dev.querybudget.bench.PairedOverhead [LOOKUP] [REPEATED_LOOKUPS]
     * [BATCH_INSERT]}.
     */
    public static void main(String[] args) throws Exception {
        PairedOverhead paired = new PairedOverhead();
        for (Work work : Work.values()) {
            if (args.length == 0 || Arrays.asList(args).contains(work.name())) {
                System.out.println(paired.measure(work));
            }
        }
    }

    /** One side of the pair: a turn of {@code work.perTurn} units, timed in nanoseconds. */
    private abstract static class Side {

        final JdbcFixture fixture;
        long sink;

        Side(JdbcFixture fixture) {
            this.fixture = fixture;
        }

        abstract long turn(Work work) throws SQLException;

        /** One unit of work. */
        final void unit(Work work) throws SQLException {
            switch (work) {
                case LOOKUP -> sink += fixture.lookup();
                case REPEATED_LOOKUPS -> sink += fixture.repeatedLookups();
                case BATCH_INSERT -> sink += fixture.batchInsert().length;
            }
        }
    }

    private static final class RawSide extends Side {

        RawSide(JdbcFixture fixture) {
            super(fixture);
        }

        @Override
        long turn(Work work) throws SQLException {
            long started = System.nanoTime();
            for (int i = 0; i < work.perTurn; i++) {
                unit(work);
            }
            return System.nanoTime() - started;
        }
    }

    private static final class CountedSide extends Side {

        private final QueryBudgetSettings settings;

        CountedSide(JdbcFixture fixture, QueryBudgetSettings settings) {
            super(fixture);
            this.settings = settings;
        }

        @Override
        long turn(Work work) throws SQLException {
            long started = System.nanoTime();
            for (int i = 0; i < work.perTurn; i++) {
                QueryScope scope = QueryRecorder.open(work.name(), settings);
                try {
                    unit(work);
                } finally {
                    scope.finish();
                }
            }
            return System.nanoTime() - started;
        }
    }
}
