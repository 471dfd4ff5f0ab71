package jp.expirynotices.registry;

/**
 * One row of {@code rejects.csv}: where the row starts, its id as given, the first column at fault and why.
 * The reason never quotes the offending value, so no personal data leaks into it.
 */
public record Reject(long line, String residentId, String column, String reason) {

    /** The reason's code, e.g. {@code INVALID_DATE} of {@code "INVALID_DATE: ..."}, used for summary counts. */
    public String reasonCode() {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
