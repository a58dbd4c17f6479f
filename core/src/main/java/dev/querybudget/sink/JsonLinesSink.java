package dev.querybudget.sink;

import dev.querybudget.Finding;
import dev.querybudget.report.JsonRenderer;
import dev.querybudget.spi.Failures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per finding, appended to a file. The lines of a scope are rendered and encoded into one buffer first
 * (a string that cannot be encoded, such as one with an unpaired surrogate, turns into {@code ?} there, not into an
 * exception halfway through a line), then written in one call.
 */
final class JsonLinesSink implements ScopeSink {

    private static final byte[] NEW_LINE = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final Path file;

    JsonLinesSink(Path file) {
        this.file = file;
    }

    @Override
    public void accept(FinishedScope scope) {
        if (!scope.report().hasFindings()) {
            return;
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("timestamp", Instant.now().toString());
        if (scope instanceof FinishedRequest request) {
            context.put("method", request.method());
            context.put("route", request.route());
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream(1024);
        for (Finding finding : scope.report().findings()) {
            lines.writeBytes(JsonRenderer.render(finding, context).getBytes(StandardCharsets.UTF_8));
            lines.writeBytes(NEW_LINE);
        }
        write(lines.toByteArray());
    }

    private synchronized void write(byte[] lines) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(lines);
        } catch (IOException | RuntimeException failure) {
            Failures.report("writing findings to " + file, failure);
        }
    }
}
