package dev.querybudget.agent;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The agent's options: {@code -javaagent:querybudget-agent.jar=key=value,key=value}, else the system property
 * {@code querybudget.<key>}, else the environment variable {@code QUERYBUDGET_<KEY>} ({@code -} as {@code _}).
 * List values are separated by {@code ;}.
 */
record AgentOptions(boolean enabled, int threshold, int maxQueries, boolean log, Path json, boolean includeParameters,
                    List<String> ignoreShapes, List<String> ignoreUrls, List<String> ignoreCallSites,
                    List<String> applicationPackages, boolean perThreadOutsideRequests) {

    static final Set<String> KEYS = Set.of("enabled", "threshold", "max-queries", "log", "json", "include-parameters",
            "ignore-shapes", "ignore-urls", "ignore-call-sites", "application-packages", "outside-requests");

    /** A bad option: the one line the agent prints before it switches itself off. */
    static final class InvalidOption extends Exception {
        InvalidOption(String option, String value, String accepted) {
            super("QueryBudget agent: option '" + option + "' was '" + value + "', accepted: " + accepted
                    + ". The agent is off; the application starts without it.");
        }
    }

    static AgentOptions parse(String agentArguments, Function<String, String> systemProperties,
                              Function<String, String> environment) throws InvalidOption {
        Map<String, String> arguments = new LinkedHashMap<>();
        if (agentArguments != null && !agentArguments.isBlank()) {
            for (String pair : agentArguments.split(",")) {
                int equals = pair.indexOf('=');
                String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
                if (!KEYS.contains(key)) {
                    throw new InvalidOption(key, equals < 0 ? "" : pair.substring(equals + 1),
                            "one of " + String.join(", ", KEYS.stream().sorted().toList()));
                }
                arguments.put(key, equals < 0 ? "true" : pair.substring(equals + 1).trim());
            }
        }
        Function<String, String> value = key -> {
            String given = arguments.get(key);
            if (given == null) {
                given = systemProperties.apply("querybudget." + key);
            }
            if (given == null) {
                given = environment.apply("QUERYBUDGET_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return given;
        };
        String json = value.apply("json");
        return new AgentOptions(bool("enabled", value.apply("enabled"), true),
                number("threshold", value.apply("threshold"), 5, 2),
                number("max-queries", value.apply("max-queries"), 10, 0),
                bool("log", value.apply("log"), true),
                json == null || json.isBlank() ? null : Path.of(json),
                bool("include-parameters", value.apply("include-parameters"), false),
                list(value.apply("ignore-shapes")), list(value.apply("ignore-urls")),
                list(value.apply("ignore-call-sites")), list(value.apply("application-packages")),
                outsideRequests(value.apply("outside-requests")));
    }

    private static boolean bool(String key, String value, boolean otherwise) throws InvalidOption {
        if (value == null) {
            return otherwise;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidOption(key, value, "true or false");
        };
    }

    private static int number(String key, String value, int otherwise, int least) throws InvalidOption {
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOption(key, value, "a whole number of at least " + least);
    }

    private static boolean outsideRequests(String value) throws InvalidOption {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "ignore" -> false;
            case "per-thread" -> true;
            default -> throw new InvalidOption("outside-requests", value, "ignore or per-thread");
        };
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
