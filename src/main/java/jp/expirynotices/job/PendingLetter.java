package jp.expirynotices.job;

import java.nio.file.Path;

/**
 * A rendered letter not yet under its name: its record and the temporary file it waits in (see
 * {@link jp.expirynotices.report.OutputFiles#stage}), so that a chunk's letters are not held in memory.
 */
public record PendingLetter(LetterRecord record, Path staged) {

    @Override
    public String toString() {
        return "PendingLetter[" + record.residentId() + "]";
    }
}
