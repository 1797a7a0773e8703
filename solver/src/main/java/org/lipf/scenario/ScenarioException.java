package org.lipf.scenario;

/**
 * An error in a scenario file or a {@code --set} override. {@link #getMessage()} reads
 * {@code FILE:LINE: KEY: message} ({@code FILE: KEY: message} when the line is unknown, e.g. for
 * overrides, whose file is {@code "--set"}).
 */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String keyPath;
    private final int line;
    private final String detail;

    /**
     * @param file the file (or "--set" for command-line overrides)
     * @param keyPath dotted key path such as {@code geometry.layers[1].thickness}; may be empty
     * @param line 1-based line number, -1 if unknown
     * @param detail the message proper
     */
    public ScenarioException(String file, String keyPath, int line, String detail) {
        super(detail);
        this.file = file == null ? "?" : file;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.line = line;
        this.detail = detail;
    }

    public ScenarioException(String file, String keyPath, int line, String detail, Throwable cause) {
        this(file, keyPath, line, detail);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }

    /** 1-based line, -1 if unknown. */
    public int line() {
        return line;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (!keyPath.isEmpty()) sb.append(keyPath).append(": ");
        return sb.append(detail).toString();
    }
}
