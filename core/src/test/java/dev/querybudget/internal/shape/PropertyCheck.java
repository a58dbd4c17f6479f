package dev.querybudget.internal.shape;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over generated inputs: seeded, so a run can be replayed, and loud about a failure's seed.
 *
 * <p>Every run draws a fresh seed unless {@code -Dquerybudget.property.seed=…} gives one; input number {@code i} of a
 * run is made from its own random source, split in turn from one seeded at the seed, so the same seed makes the same
 * inputs in the same order on any machine and JDK. A failing input is reported with the seed, its number and the
 * input itself, Java-escaped (lone surrogates and control characters as {@code \\uXXXX}).
 */
final class PropertyCheck<T> {

    static final String SEED_PROPERTY = "querybudget.property.seed";

    private final String name;
    private final Function<SplittableRandom, T> generator;
    private final Function<T, String> describer;

    private PropertyCheck(String name, Function<SplittableRandom, T> generator, Function<T, String> describer) {
        this.name = name;
        this.generator = generator;
        this.describer = describer;
    }

    static PropertyCheck<String> strings(String name, Function<SplittableRandom, String> generator) {
        return new PropertyCheck<>(name, generator, PropertyCheck::javaString);
    }

    static <T> PropertyCheck<T> of(String name, Function<SplittableRandom, T> generator, Function<T, String> describer) {
        return new PropertyCheck<>(name, generator, describer);
    }

    /** The seed of this run: the system property's, else a fresh one. */
    static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.trim());
    }

    /** Checks {@code property} on {@code inputs} inputs made from {@code seed}; returns a line saying what ran. */
    String check(long seed, int inputs, Consumer<T> property) {
        SplittableRandom inputsOfThisRun = new SplittableRandom(seed);
        for (int i = 0; i < inputs; i++) {
            T input = generator.apply(inputsOfThisRun.split());
            try {
                property.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("Property '" + name + "' failed on input #" + i + " of seed " + seed
                        + " (replay with -D" + SEED_PROPERTY + "=" + seed + "): " + describer.apply(input)
                        + System.lineSeparator() + e.getMessage(), e);
            }
        }
        return "Property '" + name + "': " + String.format("%,d", inputs) + " inputs passed, seed " + seed
                + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    /** {@code s} as a Java string literal: quotes, backslashes, controls and every non-ASCII char escaped. */
    static String javaString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ' || c > '~') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
