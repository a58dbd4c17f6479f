package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.meter.MeterSchema;
import dev.querybudget.meter.RequestOutcome;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.FinishedThread;
import dev.querybudget.sink.ScopeSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outputs every front shares: the composite, JSON Lines and the meters, fed with real reports. */
class ScopeSinkTests {

    private static final String SECRET = "COUPON-SECRET-4711";

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void theCompositeHandsEveryScopeToEverySinkAndIsolatesTheOneThatFails() throws Exception {
        List<String> received = new ArrayList<>();
        ScopeSink composite = ScopeSink.composite(List.of(scope -> received.add("first " + scope.report().name()),
                scope -> {
                    throw new IllegalStateException("a broken sink");
                }, scope -> received.add("third " + scope.report().name())));
        long failures = FailOpen.failureCount();

        composite.accept(new FinishedThread(nPlusOne("thread main"), null, null));
        ScopeSink.NONE.accept(new FinishedThread(nPlusOne("thread main"), null, null));

        assertThat(received).containsExactly("first thread main", "third thread main");
        assertThat(FailOpen.failureCount()).isEqualTo(failures + 1);
    }

    @Test
    void jsonLinesHaveOneWholeLinePerFindingWithTheRequestFirstAndNoBindValue(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("findings.jsonl");
        ScopeSink json = ScopeSink.jsonLines(file);

        json.accept(request(nPlusOne("GET /coupons/{id}"), "/coupons/{id}"));
        json.accept(request(QueryRecorder.record("GET /clean", () -> lookUp(1)), "/clean"));
        json.accept(new FinishedThread(nPlusOne("thread scheduling-{n}"), null, null));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("\\{\"timestamp\":\"[^\"]+\",\"method\":\"GET\",\"route\":\"/coupons/\\{id}\","
                + "\"kind\":\"QUERY_BUDGET\",\"fingerprint\":\"[0-9a-f]{16}\",\"scope\":\"GET /coupons/\\{id}\",\"count\":12,.*}");
        assertThat(lines.get(1)).contains("\"route\":\"/coupons/{id}\",\"kind\":\"N_PLUS_ONE\",\"fingerprint\":\"",
                "\"sql\":\"select name from item where id = ? or name = ?\"",
                "\"count\":12,\"distinctParameterSets\":12,");
        assertThat(lines.get(2)).contains("\"kind\":\"QUERY_BUDGET\",\"fingerprint\":\"",
                        "\",\"scope\":\"thread scheduling-{n}\"")
                .doesNotContain("\"method\"");
        assertThat(String.join("\n", lines)).doesNotContain(SECRET).doesNotContain("/clean");
    }

    @Test
    void aStringThatCannotBeEncodedStillLeavesWholeLines(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("findings.jsonl");

        ScopeSink.jsonLines(file).accept(request(nPlusOne("GET /caf\uD800"), "/caf\uD800"));

        byte[] written = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(written)).toString(); // strict: valid UTF-8
        assertThat(text.lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"timestamp\":")
                .endsWith("}").contains("\"route\":\"/caf\\ufffd\"", "\"scope\":\"GET /caf\\ufffd\""));
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedOnceAndNeverReachesTheCaller(@TempDir Path directory) throws Exception {
        long failures = FailOpen.failureCount();

        ScopeSink.jsonLines(directory).accept(request(nPlusOne("GET /coupons/{id}"), "/coupons/{id}"));

        assertThat(FailOpen.failureCount()).isEqualTo(failures + 1);
    }

    @Test
    void theMeterSinkRecordsEachRequestAndEachFindingWithTheSchemasTagsAndNothingElse() throws Exception {
        List<String> recorded = new ArrayList<>();
        ScopeSink meters = ScopeSink.meters((meter, tags, amount) -> recorded.add(meter.meterName() + " "
                + Arrays.toString(tags) + " " + amount));

        meters.accept(request(nPlusOne("GET /coupons/{id}"), "/coupons/{id}"));
        meters.accept(new FinishedThread(nPlusOne("thread main"), null, null));

        assertThat(recorded).containsExactly(
                "querybudget.request.queries [method, GET, uri, /coupons/{id}, outcome, SUCCESS] 12.0",
                "querybudget.findings [kind, QUERY_BUDGET, method, GET, uri, /coupons/{id}] 1.0",
                "querybudget.findings [kind, N_PLUS_ONE, method, GET, uri, /coupons/{id}] 1.0");
        assertThat(MeterSchema.values()).extracting(MeterSchema::meterName)
                .containsExactly("querybudget.request.queries", "querybudget.findings");
    }

    private ScopeReport nPlusOne(String name) throws Exception {
        return QueryRecorder.record(name, QueryBudgetSettings.forRequests(), () -> lookUp(12));
    }

    private void lookUp(int count) throws Exception {
        for (int id = 1; id <= count; id++) {
            Sql.query(dataSource, "select name from item where id = ? or name = ?", id, SECRET);
        }
    }

    private static FinishedScope request(ScopeReport report, String route) {
        return new FinishedRequest(report, "GET", route, route, 200, RequestOutcome.SUCCESS, null, null, null);
    }
}
