package dev.querybudget.settings;

import java.util.List;
import java.util.Map;

import static dev.querybudget.settings.Front.AGENT;
import static dev.querybudget.settings.Front.JUNIT;
import static dev.querybudget.settings.Front.SPRING_BOOT;

/**
 * Every QueryBudget setting, in one table: the agent, the Spring Boot starter and the JUnit extension read these
 * and no others, each from its own source ({@link SettingSource}), with the same names, defaults, checks and error
 * messages.
 *
 * <p>Why the N+1 threshold differs per kind of scope: a test runs on a fixture of a handful of rows, where a loop
 * of three lookups is already the pattern that will run 500 times in production (QuickPerf uses 2, QueryAudit 3);
 * a running application sees real data, where a threshold of 5 (Sentry's and Digma's) flags every real N+1 and
 * leaves alone the short loops that don't grow. The same for the budget: a request has one by default, a test only
 * when it says so.
 *
 * @since 0.2.0
 */
public final class Settings {

    /** Switch QueryBudget off without removing it. */
    public static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .doc("Whether QueryBudget wraps connections and counts the statements of each request.")
            .defaultValue(true).only(AGENT, SPRING_BOOT).build();

    public static final Setting<Integer> THRESHOLD = Setting.wholeNumber("threshold", 2)
            .doc("Executions of one statement shape from one call site that make an N+1 (and of one write shape"
                    + " outside a batch, an unbatched write).")
            .defaults(5, 3).build();

    public static final Setting<Integer> MAX_QUERIES = Setting.limit("max-queries")
            .doc("Statements one scope may run before it is reported as over its query budget.")
            .defaults(10, -1).build();

    public static final Setting<Boolean> INCLUDE_PARAMETERS = Setting.bool("include-parameters")
            .doc("Whether reports may show a few bind values; off, bind values never leave the process.")
            .defaultValue(false).build();

    public static final Setting<List<String>> APPLICATION_PACKAGES = Setting.javaNames("application-packages")
            .doc("Packages of the application: the call site of a finding is the first frame in one of them.")
            .defaultValue(List.of()).build();

    public static final Setting<List<String>> SKIP_FRAMES = Setting.javaNames("skip-frames")
            .doc("Packages or classes never named as a call site, such as a query helper: the next frame out is.")
            .defaultValue(List.of()).build();

    public static final Setting<List<String>> IGNORE_SHAPES = Setting.fragments("ignore-shapes")
            .doc("Text fragments: a statement shape containing one is never a finding.")
            .defaultValue(List.of()).build();

    public static final Setting<List<String>> IGNORE_CALL_SITES = Setting.javaNames("ignore-call-sites")
            .doc("Packages or classes: a finding whose call-site stack passes through one is dropped.")
            .defaultValue(List.of()).build();

    public static final Setting<List<String>> IGNORE_URLS = Setting.routes("ignore-urls")
            .doc("Routes whose requests are not reported, added to /actuator/*; a trailing * matches a prefix.")
            .builtIn("/actuator/*").defaultValue(List.of()).only(AGENT, SPRING_BOOT).build();

    public static final Setting<String> N_PLUS_ONE = Setting.choice("n-plus-one", "fail", "report", "ignore")
            .doc("What an N+1 does to a test.")
            .defaultValue("fail").only(JUNIT).build();

    public static final Setting<String> DUPLICATES = Setting.choice("duplicates", "fail", "report", "ignore")
            .doc("What a duplicate statement does to a test.")
            .defaultValue("report").only(JUNIT).build();

    public static final Setting<String> UNBATCHED_WRITES = Setting.choice("unbatched-writes", "fail", "report",
                    "ignore")
            .doc("What an unbatched write does to a test.")
            .defaultValue("report").only(JUNIT).build();

    public static final Setting<String> THREADS = Setting.choice("threads", "test", "all")
            .doc("Whose statements a test counts: its own thread's, or every thread's while it runs.")
            .defaultValue("test").only(JUNIT).build();

    public static final Setting<Boolean> SNAPSHOTS_UPDATE = Setting.bool("snapshots.update")
            .doc("Whether @QuerySnapshot rewrites the snapshot files with the counts of the run.")
            .defaultValue(false).only(JUNIT).build();

    public static final Setting<String> SNAPSHOTS_DIR = Setting.path("snapshots.dir")
            .doc("The directory of the @QuerySnapshot files.")
            .defaultValue("src/test/java").only(JUNIT).build();

    public static final Setting<Boolean> LOG = Setting.bool("log")
            .doc("Whether the agent prints the report of each request with findings on standard error.")
            .defaultValue(true).only(AGENT).build();

    public static final Setting<String> JSON = Setting.path("json")
            .doc("A file to append findings to, as JSON Lines: one line per finding, never a bind value.")
            .defaultValue(null).only(AGENT, SPRING_BOOT).build();

    public static final Setting<String> OUTSIDE_REQUESTS = Setting.choice("outside-requests", "ignore", "per-thread")
            .doc("Statements outside any HTTP request: ignored, or reported in a scope per thread.")
            .defaultValue("ignore").only(AGENT).build();

    public static final Setting<String> MODE = Setting.choice("mode", "log", "warn", "throw")
            .doc("What a request with findings does: log it (INFO), warn (WARN), or fail it while its response is"
                    + " not committed, else warn (for development and tests).")
            .defaultValue("log").only(SPRING_BOOT).build();

    public static final Setting<List<String>> EXCLUDED_DATA_SOURCES = Setting.names("excluded-data-sources")
            .doc("Names of DataSource beans that are not wrapped; a name that is no DataSource bean stops start-up.")
            .defaultValue(List.of()).only(SPRING_BOOT).build();

    public static final Setting<Boolean> RESPONSE_HEADER_ENABLED = Setting.bool("response-header.enabled")
            .doc("Whether responses carry a header with the request's statement count, set just before the response"
                    + " commits (at its first write or flush); the body is never held back.")
            .defaultValue(false).only(SPRING_BOOT).build();

    public static final Setting<String> RESPONSE_HEADER_NAME = Setting.headerName("response-header.name")
            .doc("The name of the response header with the request's statement count.")
            .defaultValue("X-Query-Count").only(SPRING_BOOT).build();

    private static final List<Setting<?>> ALL = List.of(ENABLED, THRESHOLD, MAX_QUERIES, INCLUDE_PARAMETERS,
            APPLICATION_PACKAGES, SKIP_FRAMES, IGNORE_SHAPES, IGNORE_CALL_SITES, IGNORE_URLS, N_PLUS_ONE, DUPLICATES,
            UNBATCHED_WRITES, THREADS, SNAPSHOTS_UPDATE, SNAPSHOTS_DIR, LOG, JSON, OUTSIDE_REQUESTS, MODE,
            EXCLUDED_DATA_SOURCES, RESPONSE_HEADER_ENABLED, RESPONSE_HEADER_NAME);

    /** Names of version 0.1, each read by one front only, and the setting that took their place. */
    private static final Map<String, Setting<?>> RENAMED = Map.of("ignored-frames", SKIP_FRAMES,
            "ignore.shapes", IGNORE_SHAPES, "ignore.urls", IGNORE_URLS, "ignore.call-sites", IGNORE_CALL_SITES);

    private Settings() {
    }

    /** Every setting, in the order documentation lists them. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The settings that mean something to {@code front}. */
    public static List<Setting<?>> of(Front front) {
        return ALL.stream().filter(setting -> setting.appliesTo(front)).toList();
    }

    /** The setting called {@code name} ({@code threshold}, not {@code querybudget.threshold}), or {@code null}. */
    public static Setting<?> named(String name) {
        for (Setting<?> setting : ALL) {
            if (setting.name().equals(name)) {
                return setting;
            }
        }
        return null;
    }

    /**
     * The setting a misspelled or old name most likely meant ({@code ignore.urls} → {@code ignore-urls},
     * {@code treshold} → {@code threshold}), or {@code null} when none is close.
     */
    public static Setting<?> closest(String name) {
        Setting<?> renamed = RENAMED.get(name);
        if (renamed != null) {
            return renamed;
        }
        String folded = fold(name);
        Setting<?> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting<?> setting : ALL) {
            int distance = distance(folded, fold(setting.name()));
            if (distance < bestDistance) {
                best = setting;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, folded.length() / 4) ? best : null;
    }

    private static String fold(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
