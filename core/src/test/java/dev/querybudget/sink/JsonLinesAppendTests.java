package dev.querybudget.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** A write that fails part-way leaves the file as it was: no partial line for the next lines to be glued onto. */
class JsonLinesAppendTests {

    @Test
    void aWriteThatFailsPartWayIsCutBackToTheLastWholeLine(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("findings.jsonl");
        Files.writeString(file, "{\"first\":1}\n");

        try (FileChannel real = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            FileChannel diskFullAfterTenBytes = new FailingPartWay(real, 10);
            assertThatIOException().isThrownBy(() -> JsonLinesSink.appendWhole(diskFullAfterTenBytes,
                    "{\"second\":2,\"padding\":\"xxxxxxxxxxxxxxxx\"}\n".getBytes(StandardCharsets.UTF_8)))
                    .withMessage("No space left on device");
            JsonLinesSink.appendWhole(real, "{\"third\":3}\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"first\":1}", "{\"third\":3}");
    }

    /** A real file channel that writes {@code budget} bytes, then fails as a full disk does. */
    private static final class FailingPartWay extends FileChannel {
        private final FileChannel real;
        private int budget;

        FailingPartWay(FileChannel real, int budget) {
            this.real = real;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (budget == 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.slice().limit(Math.min(budget, src.remaining()));
            int written = real.write(part);
            src.position(src.position() + written);
            budget -= written;
            return written;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
        }
    }
}
