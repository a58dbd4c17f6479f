package dev.querybudget.sink;

import dev.querybudget.Finding;
import dev.querybudget.report.JsonRenderer;
import dev.querybudget.spi.Failures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per finding, appended to a file. The lines of a scope are rendered and encoded into one buffer first
 * (an unpaired surrogate, which has no UTF-8, is written as U+FFFD by the JSON encoder, never as an exception halfway
 * through a line), then appended in one call. A write that fails part-way is cut back to where the file ended before
 * it, so no partial line is left for the next scope's lines to be glued onto.
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
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            appendWhole(out, lines);
        } catch (IOException | RuntimeException failure) {
            Failures.report("writing findings to " + file, failure);
        }
    }

    /** Appends {@code lines} to {@code out}, or, when that fails part-way, leaves {@code out} as long as it was. */
    static void appendWhole(FileChannel out, byte[] lines) throws IOException {
        long before = out.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(lines);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException | RuntimeException failure) {
            try {
                out.truncate(before);
            } catch (IOException | RuntimeException cutting) {
                failure.addSuppressed(cutting);
            }
            throw failure;
        }
    }
}
