package dev.querybudget.spring;

import dev.querybudget.spi.Failures;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.LongSupplier;

/**
 * What the starter does to a response before it commits, and nothing else: it never holds a byte back, so an async
 * response (whose body a later dispatch writes) and a streamed one go through untouched.
 *
 * <ul>
 *   <li>The statement-count header, when it is on, is set just before the response can commit — at the first write,
 *       flush, {@code sendError} or {@code sendRedirect}, or as the request ends with nothing written — with the
 *       statements the request has run by then, and never afterwards.</li>
 *   <li>In throw mode, the application's flushes wait until the request's first dispatch returns (frameworks flush
 *       after writing a body, which commits it): the body stays in the container's own buffer, so a request with
 *       findings can still fail. A body larger than that buffer commits all the same. A request that goes async has
 *       its held flush done as its first dispatch returns.</li>
 * </ul>
 */
final class BeforeCommitResponse extends HttpServletResponseWrapper {

    private final String header;
    private final LongSupplier statements;
    private volatile boolean decided;
    private volatile boolean holdingFlushes;
    private volatile boolean flushHeld;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param header         the count header's name, {@code null} for none
     * @param holdingFlushes whether flushes wait for the first dispatch to return (throw mode)
     */
    BeforeCommitResponse(HttpServletResponse response, String header, LongSupplier statements,
                         boolean holdingFlushes) {
        super(response);
        this.header = header;
        this.statements = statements;
        this.holdingFlushes = holdingFlushes;
    }

    /** The wrapper of this kind inside {@code response}, or {@code null}. */
    static BeforeCommitResponse find(ServletResponse response) {
        for (ServletResponse next = response; next != null; ) {
            if (next instanceof BeforeCommitResponse counting) {
                return counting;
            }
            next = next instanceof jakarta.servlet.ServletResponseWrapper wrapper ? wrapper.getResponse() : null;
        }
        return null;
    }

    /**
     * A dispatch of the request returns: held flushes are done if the request goes on asynchronously, and the header
     * is set if the request ends here with nothing written.
     */
    void dispatchReturned(boolean async) {
        holdingFlushes = false;
        if (!async) {
            beforeCommit();
        } else if (flushHeld) {
            flushHeld = false;
            try {
                flushBuffer();
            } catch (IOException | RuntimeException failure) {
                // The client left: the container sees it on its next write.
                Failures.report("flushing a response held in throw mode", failure);
            }
        }
    }

    /** Sets the header, once, unless the response is already committed. Never throws into the write it precedes. */
    void beforeCommit() {
        if (decided || header == null) {
            return;
        }
        decided = true;
        try {
            if (!isCommitted()) {
                setHeader(header, Long.toString(statements.getAsLong()));
            }
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("setting the statement-count header", failure);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Stream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter target = super.getWriter();
            writer = new PrintWriter(new HeaderFirst(target)) {
                @Override
                public boolean checkError() {
                    return super.checkError() || target.checkError();
                }
            };
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        if (!held()) {
            super.flushBuffer();
        }
    }

    /** Whether a flush now waits for the first dispatch to return; notes that one did. */
    private boolean held() {
        if (holdingFlushes) {
            flushHeld = true;
        }
        return holdingFlushes;
    }

    @Override
    public void sendError(int status) throws IOException {
        beforeCommit();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        beforeCommit();
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    /** The response's stream, setting the header before its first byte. */
    private final class Stream extends ServletOutputStream {

        private final ServletOutputStream target;

        Stream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            beforeCommit();
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            beforeCommit();
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            beforeCommit();
            if (!held()) {
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            beforeCommit();
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }

    /** What the response's writer writes through, setting the header before its first character. */
    private final class HeaderFirst extends Writer {

        private final PrintWriter target;

        HeaderFirst(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            beforeCommit();
            target.write(characters, offset, length);
        }

        @Override
        public void flush() {
            beforeCommit();
            if (!held()) {
                target.flush();
            }
        }

        @Override
        public void close() {
            beforeCommit();
            target.close();
        }
    }
}
