package dev.querybudget.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs fixture classes on the real Jupiter engine and reads the outcome of each test. */
final class EngineResults {

    private static final Pattern MILLIS = Pattern.compile("\\(\\d+\\.\\d ms\\)");

    private EngineResults() {
    }

    /**
     * Runs {@code fixture} on a thread of its own, as a build tool would: call-site stacks then end at the fixture's
     * test method instead of going on into the test that runs it, and messages read as in a user's own run.
     */
    static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return CompletableFuture.supplyAsync(() -> EngineTestKit.engine("junit-jupiter")
                .configurationParameter("querybudget.skip-frames", EngineResults.class.getName())
                .configurationParameters(parameters)
                .selectors(selectClass(fixture))
                .execute(), RUNNER).join();
    }

    private static final java.util.concurrent.Executor RUNNER = task -> {
        Thread thread = new Thread(task, "engine-test-kit");
        thread.start();
    };

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    /** Test method name → "passed", or the failure message with timings masked as {@code (… ms)}. */
    static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new TreeMap<>();
        results.testEvents().finished().stream().forEach(event -> outcomes.put(name(event), outcome(event)));
        return outcomes;
    }

    static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return "passed";
        }
        Throwable failure = result.getThrowable().orElseThrow();
        return MILLIS.matcher(failure.getMessage()).replaceAll("(… ms)");
    }

    private static String name(Event event) {
        String legacy = event.getTestDescriptor().getLegacyReportingName();
        return legacy.endsWith("()") ? legacy.substring(0, legacy.length() - 2) : legacy;
    }
}
