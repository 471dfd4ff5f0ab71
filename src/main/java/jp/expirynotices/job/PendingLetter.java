package jp.expirynotices.job;

/** A rendered letter not yet on disk: its record and its bytes. */
public record PendingLetter(LetterRecord record, byte[] pdf) {

    @Override
    public String toString() {
        return "PendingLetter[" + record.residentId() + "]";
    }
}
