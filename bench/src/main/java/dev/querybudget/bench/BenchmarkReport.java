package dev.querybudget.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
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
 * Runs every benchmark in one JVM session and writes {@code docs/benchmarks.md}: the tables (means, errors, ratios to
 * raw JDBC), the targets, the machine, the JDK and the date.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar docs/benchmarks.md
 * </pre>
 */
public final class BenchmarkReport {

    private static final List<Target> TARGETS = List.of(
            new Target("lookup", "querybudget", 1.25, "a scope where nothing repeats ≤ 1.25× raw"),
            new Target("repeatedLookups", "querybudget-repeating", 1.35, "a shape repeating 1,000× in one scope ≤ 1.35× raw"),
            new Target("batchInsert", "querybudget", 1.20, "a 100-row batch ≤ 1.2× raw"));

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Options options = new OptionsBuilder()
                .include(JdbcOverheadBenchmark.class.getName())
                .include(ShapeBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, render(results));
        System.out.println("wrote " + output);
    }

    static String render(Collection<RunResult> results) throws IOException {
        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        String unit = "";
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String variant = result.getParams().getParam("variant");
            String key = owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
            table.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(variant == null ? method : variant,
                    new double[]{result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
            unit = result.getPrimaryResult().getScoreUnit();
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by `java -jar bench/target/benchmarks.jar docs/benchmarks.md` (after `./mvnw -q -B -pl bench -am")
                .append(" package -DskipTests`) on ").append(LocalDate.now()).append(".\n\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpu()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        md.append("- JMH: 1 fork, 3 warm-up and 5 measured iterations; H2 in memory behind one HikariCP pool (4 connections)")
                .append(" for every variant; error is JMH's 99.9% confidence half-width.\n\n");
        List<String> rows = new ArrayList<>();
        table.forEach((benchmark, variants) -> {
            double[] raw = variants.get("raw");
            md.append("## ").append(benchmark).append("\n\n| variant | mean | error | ratio to raw |\n|---|---:|---:|---:|\n");
            variants.forEach((variant, score) -> md.append(String.format(Locale.ROOT, "| %s | %.3f | ± %.3f | %s |%n",
                    variant, score[0], score[1], raw == null ? "—" : String.format(Locale.ROOT, "%.2f×", score[0] / raw[0]))));
            md.append('\n');
        });
        md.append("Means are in ").append(unit).append(" per operation for the JDBC benchmarks (per lookup for")
                .append(" `repeatedLookups`), nanoseconds per statement for the shape benchmarks.\n\n## Targets\n\n")
                .append("| target | measured | met |\n|---|---:|---|\n");
        for (Target target : TARGETS) {
            Map<String, double[]> variants = table.get("JdbcOverheadBenchmark." + target.benchmark());
            if (variants == null || variants.get("raw") == null || variants.get(target.variant()) == null) {
                continue;
            }
            double ratio = variants.get(target.variant())[0] / variants.get("raw")[0];
            rows.add(String.format(Locale.ROOT, "| %s | %.2f× | %s |", target.description(), ratio,
                    ratio <= target.ratio() ? "yes" : String.format(Locale.ROOT, "no, by %.0f%%",
                            (ratio / target.ratio() - 1) * 100)));
        }
        rows.forEach(row -> md.append(row).append('\n'));
        return md.toString();
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

    private record Target(String benchmark, String variant, double ratio, String description) {
    }
}
