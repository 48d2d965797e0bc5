package dev.layerfit.progress;

/**
 * Shows how far a long step has got (downloads, installs, zipping, measuring artifacts). On a terminal it
 * draws a bar on stderr; everywhere else — {@code --json}, output piped or redirected, tests — it draws
 * nothing, so machine output and CI logs stay clean.
 */
public interface Progress {

    /** Starts a task of {@code total} units (artifacts, files, bytes) described by {@code label}. */
    Task start(String label, long total);

    /** One running task; close it when the work is done (also on failure). */
    interface Task extends AutoCloseable {

        /** Records {@code units} more done. Safe to call from several threads. */
        void advance(long units);

        /** Ends the task: a terminal bar is left at its final state on its own line. */
        @Override
        void close();
    }

    /** Progress that shows nothing. */
    Progress NONE = (label, total) -> new Task() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void close() {
        }
    };
}
