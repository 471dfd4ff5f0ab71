package jp.expirynotices.expiry;

/** Why a valid resident gets no notice on a run date (summary counts, domain.md §3). */
public enum NotDueReason {
    NO_CERTIFICATE,
    CARD_EXPIRED,
    EXPIRED,
    NOT_YET_DUE,
    ALREADY_NOTIFIED
}
