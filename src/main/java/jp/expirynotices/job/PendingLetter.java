package jp.expirynotices.job;

import jp.expirynotices.report.OutputFiles;

/**
 * A rendered letter not yet under its name: its record and the temporary file it waits in (see
 * {@link jp.expirynotices.report.OutputFiles#stage}), so that a chunk's letters are not held in memory.
 */
public record PendingLetter(LetterRecord record, OutputFiles.Staged staged) {

    @Override
    public String toString() {
        return "PendingLetter[" + record.residentId() + "]";
    }
}
