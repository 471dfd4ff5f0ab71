package jp.expirynotices.job;

import java.time.LocalDate;
import java.util.Set;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.registry.Resident;

/**
 * A due resident staged by the select step: selected for a letter, or held for manual handling.
 *
 * @param notifiedKinds kinds an earlier run already notified (excluded from this letter's due certificates)
 * @param sequence      position in mailing order (postal code, then resident id); 0 until assigned
 */
public record Candidate(Resident resident, Status status, String heldReason, LocalDate earliestExpiry,
                        String certificates, ExpiryReason reason, Set<CertificateKind> notifiedKinds,
                        int sequence) {

    public enum Status { SELECTED, HELD }

    public String residentId() {
        return resident.residentId();
    }

    /** This resident at {@code sequence} in the mailing order. */
    public Candidate numbered(int sequence) {
        return new Candidate(resident, status, heldReason, earliestExpiry, certificates, reason, notifiedKinds,
                sequence);
    }

    @Override
    public String toString() {
        return "Candidate[" + resident.residentId() + ", " + status + "]";
    }
}
