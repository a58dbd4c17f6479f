package dev.querybudget.agent;

import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the agent's finished scopes go, each output isolated from the others' failures: the JMX totals, Micrometer
 * meters when the application has Micrometer, the report of a scope with findings on standard error ({@code log}),
 * one JSON line per finding ({@code json}), and the application's own {@link ScopeSink}s.
 */
final class Sinks {

    private final ScopeSink all;

    Sinks(ResolvedSettings options, QueryBudgetTotals totals) {
        List<ScopeSink> sinks = new ArrayList<>();
        sinks.add(totals);
        sinks.add(ScopeSink.meters(new MicrometerMeters()));
        if (options.get(Settings.LOG)) {
            sinks.add(new StandardErrorSink());
        }
        String json = options.get(Settings.JSON);
        if (json != null) {
            sinks.add(ScopeSink.jsonLines(Path.of(json)));
        }
        sinks.add(new ApplicationSinks());
        this.all = ScopeSink.composite(sinks);
    }

    void publish(FinishedScope scope) {
        all.accept(scope);
    }
}
