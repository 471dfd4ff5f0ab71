package jp.expirynotices.expiry;

/**
 * Which term gave a certificate's expiry. Declaration order is the tie-break order of domain.md §2:
 * on equal dates the first wins.
 */
public enum ExpiryReason {
    CARD_EXPIRY,
    OWN_LIMIT,
    AUTH_CERT_EXPIRY
}
