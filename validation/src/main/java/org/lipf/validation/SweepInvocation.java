package org.lipf.validation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lipf.cli.Lipf;

/**
 * One {@code lipf sweep} run in this process, its output passed on as it comes, and the error it ended with kept for
 * the report (a sweep that cannot start says why in one {@code error:} line).
 *
 * @param exitCode lipf sweep's exit code
 * @param errorLine its last {@code error:} line without that prefix, or null
 */
record SweepInvocation(int exitCode, String errorLine) {
    private static final String PREFIX = "error: ";

    static SweepInvocation run(List<String> args) {
        PrintStream err = System.err;
        LastErrorLine tee = new LastErrorLine(err);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            int code = Lipf.execute(args.toArray(String[]::new));
            System.err.flush();
            return new SweepInvocation(code, tee.last);
        } finally {
            System.setErr(err);
        }
    }

    /** Why the sweep did not run or complete, in words. */
    String failure() {
        return errorLine != null ? errorLine : "lipf sweep exited " + exitCode;
    }

    /** Passes bytes on to {@code out} and remembers the last line that starts with "error: ". */
    private static final class LastErrorLine extends OutputStream {
        private final PrintStream out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        String last;

        LastErrorLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) last = text.substring(PREFIX.length());
            line.reset();
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
