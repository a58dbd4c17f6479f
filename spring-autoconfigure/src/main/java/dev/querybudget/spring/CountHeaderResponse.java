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
 * A response that sets the statement-count header just before it can commit — at the first write, flush,
 * {@code sendError} or {@code sendRedirect}, or as the request ends with nothing written — with the statements the
 * request has run by then, and never afterwards. It holds nothing back: every byte goes straight through, so an async
 * response (whose body is written by a later dispatch) and a streamed one are untouched.
 */
final class CountHeaderResponse extends HttpServletResponseWrapper {

    private final String header;
    private final LongSupplier statements;
    private volatile boolean decided;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountHeaderResponse(HttpServletResponse response, String header, LongSupplier statements) {
        super(response);
        this.header = header;
        this.statements = statements;
    }

    /** The wrapper of this kind inside {@code response}, or {@code null}. */
    static CountHeaderResponse find(ServletResponse response) {
        for (ServletResponse next = response; next != null; ) {
            if (next instanceof CountHeaderResponse counting) {
                return counting;
            }
            next = next instanceof jakarta.servlet.ServletResponseWrapper wrapper ? wrapper.getResponse() : null;
        }
        return null;
    }

    /** Sets the header, once, unless the response is already committed. Never throws into the write it precedes. */
    void beforeCommit() {
        if (decided) {
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
        super.flushBuffer();
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
            target.flush();
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
            target.flush();
        }

        @Override
        public void close() {
            beforeCommit();
            target.close();
        }
    }
}
