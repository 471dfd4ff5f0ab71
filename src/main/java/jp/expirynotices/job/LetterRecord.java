package jp.expirynotices.job;

import java.time.LocalDate;
import java.util.List;

import jp.expirynotices.expiry.CertificateKind;

/**
 * A letter as written: what the manifest and the ledger record for one resident.
 *
 * @param letterFile path relative to the run folder, e.g. {@code letters/R0001.pdf}
 * @param notified   the certificates (kind, expiry) this letter notifies: the ledger's rows
 */
public record LetterRecord(String residentId, int sequence, String letterFile, int pages, String sha256,
                           String customerBarcode, List<NotifiedCertificate> notified) {

    public record NotifiedCertificate(CertificateKind kind, LocalDate expiry) {
    }
}
