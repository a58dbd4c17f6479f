package dev.querybudget.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every benchmark and writes {@code docs/benchmarks.md}: the tables (means, errors, ratios to raw JDBC), the
 * targets, the machine, the JDK and the date. A hand-written section that starts with {@code ## Reading} is kept
 * from the file it replaces.
 *
 * <pre>
 * ./mvnw -q -B -pl bench,agent,sample-app -am package -DskipTests
 * java -jar bench/target/benchmarks.jar docs/benchmarks.md
 * </pre>
 *
 * <p>Run it from the repository's root (it finds the agent's and the sample application's jars under their
 * {@code target} folders, or where {@code -Dquerybudget.bench.agent} and {@code -Dquerybudget.bench.app} say).
 */
public final class BenchmarkReport {

    static final String COMMAND = "./mvnw -q -B -pl bench,agent,sample-app -am package -DskipTests && "
            + "java -jar bench/target/benchmarks.jar docs/benchmarks.md";
    private static final String READING = "## Reading";
    private static final String H2 = "h2";
    private static final String POSTGRESQL = "postgresql";

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Path agent = jar("agent");
        Path app = jar("app");
        WholeAppBenchmark.Results whole = new WholeAppBenchmark(app, agent).run();
        String jdbc = JdbcOverheadBenchmark.class.getName();
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(new OptionsBuilder().include(jdbc)
                .param("database", H2).param("variant", JdbcOverheadBenchmark.PLAIN_VARIANTS)));
        results.addAll(run(new OptionsBuilder().include(jdbc)
                .param("database", H2).param("variant", JdbcOverheadBenchmark.AGENT_VARIANT)
                .jvmArgsAppend("-javaagent:" + agent.toAbsolutePath())));
        boolean postgres = JdbcFixture.postgresReachable();
        if (postgres) {
            results.addAll(run(new OptionsBuilder().include(jdbc + ".(lookup|batchInsert)")
                    .param("database", POSTGRESQL).param("variant", "raw", "datasource-proxy", "p6spy", "querybudget")));
        }
        results.addAll(run(new OptionsBuilder().include(ScopeBenchmark.class.getName())
                .include(ShapeBenchmark.class.getName())));
        Map<PairedOverhead.Work, PairedOverhead.Ratio> paired = new LinkedHashMap<>();
        for (PairedOverhead.Work work : PairedOverhead.Work.values()) {
            paired.put(work, new PairedOverhead().measure(work));
            System.out.println(paired.get(work));
        }

        String kept = "";
        if (Files.exists(output)) {
            String previous = Files.readString(output);
            int reading = previous.indexOf(READING);
            kept = reading < 0 ? "" : previous.substring(reading);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, render(results, paired, whole, postgres) + (kept.isEmpty() ? "" : "\n" + kept));
        System.out.println("wrote " + output);
    }

    /** The agent's or the sample application's jar: {@code -Dquerybudget.bench.agent} / {@code .app}, or its build. */
    static Path jar(String which) {
        Path jar = Path.of(System.getProperty("querybudget.bench." + which, which.equals("agent")
                ? "agent/target/querybudget-agent.jar" : "sample-app/target/querybudget-sample-app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first with "
                    + COMMAND.substring(0, COMMAND.indexOf(" && ")));
        }
        return jar;
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws Exception {
        return new Runner(options.build()).run();
    }

    static String render(Collection<RunResult> results, Map<PairedOverhead.Work, PairedOverhead.Ratio> paired,
                         WholeAppBenchmark.Results whole, boolean postgres) throws IOException {
        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String key = owner.substring(owner.lastIndexOf('.') + 1) + "." + benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String database = result.getParams().getParam("database");
            if (database != null) {
                key += database.equals(H2) ? " — H2 in memory" : " — PostgreSQL on loopback";
            }
            String variant = result.getParams().getParam("variant");
            table.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(variant == null ? "—" : variant,
                    new double[]{result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written on ").append(LocalDate.now()).append(" by\n\n    ").append(COMMAND).append("\n\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpu()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        md.append("- JMH: for the JDBC benchmarks 2 forks per variant, each with 3 warm-up and 5 measured iterations of")
                .append(" 1 s (one fork for `ScopeBenchmark` and `ShapeBenchmark`); one HikariCP pool")
                .append(" (4 connections) for every variant; error is JMH's 99.9% confidence half-width.")
                .append(postgres ? "" : " PostgreSQL was not reachable: its rows are left out.").append("\n")
                .append("- JDBC means are µs per unit of work (per lookup for `repeatedLookups`); `ScopeBenchmark` and")
                .append(" `ShapeBenchmark` means are ns per scope and per statement.\n\n");
        table.forEach((benchmark, variants) -> {
            double[] raw = variants.get("raw");
            md.append("## ").append(benchmark).append("\n\n| variant | mean | error | ratio to raw |\n|---|---:|---:|---:|\n");
            variants.forEach((variant, score) -> md.append(String.format(Locale.ROOT, "| %s | %.3f | ± %.3f | %s |%n",
                    variant, score[0], score[1], raw == null ? "—" : String.format(Locale.ROOT, "%.2f×", score[0] / raw[0]))));
            md.append('\n');
        });

        md.append("## The sample application, without and with the agent\n\n")
                .append(String.format(Locale.ROOT, "Start-up: %d launches each, alternating, timed to Spring Boot's"
                        + " \"process running for\" (the JVM's whole start). Throughput: `GET /users/1/orders/fetched`"
                        + " (500 orders, one JOIN FETCH) under %d clients sending back to back; %d pairs of applications"
                        + " side by side, each warmed up for %d s, then taking the load in turns for %d windows of %d s;"
                        + " the ratio is the median of the per-window ratios.%n%n", WholeAppBenchmark.START_UPS,
                        WholeAppBenchmark.CLIENTS, WholeAppBenchmark.PAIRS, WholeAppBenchmark.WARM_UP_MILLIS / 1000,
                        WholeAppBenchmark.WINDOWS, WholeAppBenchmark.WINDOW_MILLIS / 1000))
                .append("| measure | without the agent | with the agent | ratio |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| start-up, median (s) | %.2f | %.2f | %.2f× |%n",
                WholeAppBenchmark.median(whole.startupWithout()), WholeAppBenchmark.median(whole.startupWith()),
                whole.startupRatio()));
        md.append(String.format(Locale.ROOT, "| throughput, median (requests/s) | %.1f | %.1f | %.2f× |%n",
                WholeAppBenchmark.median(whole.throughputWithout()), WholeAppBenchmark.median(whole.throughputWith()),
                whole.throughputRatio()));
        md.append(String.format(Locale.ROOT, "| every launch: start-up (s) | %s | %s | |%n",
                list(whole.startupWithout()), list(whole.startupWith())));
        md.append(String.format(Locale.ROOT, "| every window: throughput (requests/s) | %s | %s | |%n%n",
                list(whole.throughputWithout()), list(whole.throughputWith())));

        md.append("## Paired ratios\n\n").append(String.format(Locale.ROOT, "Raw JDBC and QueryBudget (its wrappers, a"
                        + " scope per unit of work) in one JVM on H2, taking turns of a few milliseconds for %d rounds"
                        + " after %d warm-up rounds; each round gives one ratio (see `PairedOverhead`).%n%n",
                PairedOverhead.ROUNDS, PairedOverhead.WARM_UP_ROUNDS))
                .append("| unit of work | median ratio | interquartile range |\n|---|---:|---:|\n");
        paired.values().forEach(ratio -> md.append(String.format(Locale.ROOT, "| %s | %.3f× | %.3f–%.3f |%n",
                ratio.work().description, ratio.median(), ratio.lowerQuartile(), ratio.upperQuartile())));

        md.append("\n## Targets\n\nThe JDBC targets are judged on the paired ratios; the JMH ratio (separate forks,"
                + " minutes apart) is beside each for comparison.\n\n")
                .append("| target | measured | JMH ratio | met |\n|---|---:|---:|---|\n");
        String h2 = " — H2 in memory";
        target(md, "a scope where nothing repeats ≤ 1.25× raw", paired.get(PairedOverhead.Work.LOOKUP).median(),
                ratio(table, "JdbcOverheadBenchmark.lookup" + h2, "querybudget"), 1.25, true);
        target(md, "a shape repeating 1,000× in one scope ≤ 1.35× raw",
                paired.get(PairedOverhead.Work.REPEATED_LOOKUPS).median(),
                ratio(table, "JdbcOverheadBenchmark.repeatedLookups" + h2, "querybudget"), 1.35, true);
        target(md, "a 100-row batch ≤ 1.2× raw", paired.get(PairedOverhead.Work.BATCH_INSERT).median(),
                ratio(table, "JdbcOverheadBenchmark.batchInsert" + h2, "querybudget"), 1.2, true);
        target(md, "agent: start-up ≤ 1.15× without it", whole.startupRatio(), Double.NaN, 1.15, true);
        target(md, "agent: throughput on the fixed endpoint ≥ 0.95× without it", whole.throughputRatio(), Double.NaN,
                0.95, false);
        return md.toString();
    }

    private static double ratio(Map<String, Map<String, double[]>> table, String benchmark, String variant) {
        Map<String, double[]> variants = table.get(benchmark);
        if (variants == null || variants.get("raw") == null || variants.get(variant) == null) {
            return Double.NaN;
        }
        return variants.get(variant)[0] / variants.get("raw")[0];
    }

    private static void target(StringBuilder md, String description, double ratio, double jmhRatio, double limit,
                               boolean atMost) {
        boolean met = atMost ? ratio <= limit : ratio >= limit;
        double by = atMost ? (ratio / limit - 1) * 100 : (1 - ratio / limit) * 100;
        md.append(String.format(Locale.ROOT, "| %s | %.2f× | %s | %s |%n", description, ratio,
                Double.isNaN(jmhRatio) ? "—" : String.format(Locale.ROOT, "%.2f×", jmhRatio),
                met ? "yes" : String.format(Locale.ROOT, "no, by %.0f%%", by)));
    }

    private static String list(double[] values) {
        List<String> text = new ArrayList<>();
        for (double value : values) {
            text.add(String.format(Locale.ROOT, "%.2f", value));
        }
        return String.join(", ", text);
    }

    private static String cpu() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }
}
