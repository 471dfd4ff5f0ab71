package jp.expirynotices.expiry;

/** Registry status of a certificate; a revoked certificate is ignored entirely (domain.md §1). */
public enum CertificateStatus {
    ACTIVE, REVOKED
}
