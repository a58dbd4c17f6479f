package dev.querybudget.conformance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings every front must report for the conformance scenarios: {@code expected/findings.jsonl}, the JSON
 * lines the HTTP fronts write, read here for the fronts without HTTP (core's wrap, the JUnit extension).
 */
final class ExpectedFindings {

    /**
     * What only an HTTP front can know (the request), or what differs per caller (frames past the call site), or per
     * kind of scope: the call sites of a duplicate whose first execution came from another site, and the call site of
     * the query before an N+1, which a test's scope knows (it samples every first execution) and a request's knows
     * once the shape has repeated, or preceded an N+1, in an earlier one. And the fingerprint, made from the call
     * site's first three frames, which past the call site are the caller's: a controller here, a test there.
     */
    private static final Pattern NOT_ABOUT_THE_WORK = Pattern.compile(
            "\"(method|route|uri|outcome|status|exception|stack|timestamp|totalTimeMillis|traceId|spanId"
                    + "|precedingCallSite|fingerprint)\":"
                    + "(\"[^\"]*\"|\\[[^]]*]|[0-9.]+|null),?|\"callSites\":\\[(\\{[^}]*},?)*],?");

    private ExpectedFindings() {
    }

    static List<String> lines() throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/expected/findings.jsonl"), StandardCharsets.UTF_8);
    }

    /** The line for the scope {@code scope}, e.g. {@code GET /report}. */
    static String forScope(String scope) throws Exception {
        return lines().stream().filter(line -> line.contains("\"scope\":\"" + scope + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no expected finding for " + scope));
    }

    /** A JSON line with only what the work decides: kind, scope, shape, counts, call site, preceding statement, hint. */
    static String aboutTheWork(String line) {
        return NOT_ABOUT_THE_WORK.matcher(line).replaceAll("").replace(",}", "}");
    }

    /** The value of a string field of a JSON line. */
    static String field(String line, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + line);
        }
        return matcher.group(1);
    }
}
