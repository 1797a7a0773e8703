package org.lipf.postprocess;

/**
 * A run folder that cannot be post-processed (not a run folder, no snapshots, an unreadable file,
 * an unknown field name). The message is one line naming the file or argument; the commands print
 * it and exit with code 2.
 */
public class RunFolderException extends Exception {
    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
