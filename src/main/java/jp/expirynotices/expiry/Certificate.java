package jp.expirynotices.expiry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate as the registry records it.
 *
 * @param recordedExpiry the expiry J-LIS recorded, which always wins over computation; empty when not given
 */
public record Certificate(CertificateKind kind, LocalDate issuedOn, Optional<LocalDate> recordedExpiry,
                          CertificateStatus status) {

    public Certificate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(recordedExpiry, "recordedExpiry");
        Objects.requireNonNull(status, "status");
    }

    public boolean active() {
        return status == CertificateStatus.ACTIVE;
    }
}
