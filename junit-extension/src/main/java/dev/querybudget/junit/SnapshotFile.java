package dev.querybudget.junit;

import dev.querybudget.ShapeCount;
import dev.querybudget.settings.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One test class's query snapshot: a section per test, one {@code count  shape} line per shape, sorted by shape.
 * Tests of a class may run in parallel, so every method is synchronized; the file is written once, after all.
 */
final class SnapshotFile {

    private final Path path;
    private final String className;
    private final boolean update;
    private final Map<String, Map<String, Long>> sections;
    private boolean changed;

    private SnapshotFile(Path path, String className, boolean update, Map<String, Map<String, Long>> sections) {
        this.path = path;
        this.className = className;
        this.update = update;
        this.sections = sections;
    }

    static SnapshotFile load(Path directory, Class<?> testClass, boolean update) {
        String packagePath = testClass.getPackageName().replace('.', '/');
        String name = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1).replace('$', '.');
        Path path = directory.resolve(packagePath).resolve(name + ".queries");
        return new SnapshotFile(path, testClass.getName(), update, read(path));
    }

    Path path() {
        return path;
    }

    /**
     * Compares a test's shapes with its section. Returns what grew or is new as diff lines ({@code -} the snapshot,
     * {@code +} this run), empty when nothing did. Records a missing section, and rewrites one in update mode.
     */
    synchronized Comparison compare(String test, List<ShapeCount> shapes) {
        Map<String, Long> now = new TreeMap<>();
        for (ShapeCount shape : shapes) {
            now.merge(shape.shape().sql(), shape.count(), Long::sum);
        }
        Map<String, Long> before = sections.get(test);
        if (before == null || update) {
            if (!now.equals(before)) {
                sections.put(test, now);
                changed = true;
            }
            return new Comparison(List.of(), List.of());
        }
        List<String> grew = new ArrayList<>();
        List<String> shrank = new ArrayList<>();
        for (Map.Entry<String, Long> shape : now.entrySet()) {
            Long was = before.get(shape.getKey());
            if (was == null) {
                grew.add("+ " + line(shape.getValue(), shape.getKey()) + "   (new)");
            } else if (shape.getValue() > was) {
                grew.add("- " + line(was, shape.getKey()));
                grew.add("+ " + line(shape.getValue(), shape.getKey()));
            } else if (shape.getValue() < was) {
                shrank.add(line(was, shape.getKey()) + "  →  " + shape.getValue());
            }
        }
        for (Map.Entry<String, Long> shape : before.entrySet()) {
            if (!now.containsKey(shape.getKey())) {
                shrank.add(line(shape.getValue(), shape.getKey()) + "  →  0");
            }
        }
        return new Comparison(grew, shrank);
    }

    /** Writes the file if a section was added or rewritten. */
    synchronized void writeIfChanged() {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder()
                .append("# QueryBudget query snapshot of ").append(className).append('\n')
                .append("# Each test's statement shapes and how often they ran. A new shape or a higher count fails")
                .append(" the test;\n# rewrite this file with -D").append(Settings.SNAPSHOTS_UPDATE.propertyName()).append("=true when the change is")
                .append(" intended.\n");
        new TreeMap<>(sections).forEach((test, shapes) -> {
            text.append('\n').append('[').append(test).append("]\n");
            shapes.forEach((sql, count) -> text.append(line(count, sql)).append('\n'));
        });
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("QueryBudget could not write the query snapshot " + path, e);
        }
        changed = false;
    }

    private static String line(long count, String sql) {
        return String.format(Locale.ROOT, "%6d  %s", count, sql);
    }

    private static Map<String, Map<String, Long>> read(Path path) {
        Map<String, Map<String, Long>> sections = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return sections;
        }
        try {
            Map<String, Long> section = null;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    section = new TreeMap<>();
                    sections.put(trimmed.substring(1, trimmed.length() - 1), section);
                } else if (section != null) {
                    int space = trimmed.indexOf(' ');
                    section.put(trimmed.substring(space + 1).trim(), Long.parseLong(trimmed.substring(0, space)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("QueryBudget could not read the query snapshot " + path
                    + ": each line under a [test] header must be a count, spaces, and a statement shape", e);
        }
        return sections;
    }

    /** What grew (diff lines; fails the test) and what shrank (reported). */
    record Comparison(List<String> grew, List<String> shrank) {
    }
}
