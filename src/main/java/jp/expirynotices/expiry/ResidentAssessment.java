package jp.expirynotices.expiry;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules say about one resident on a run date: each active certificate's expiry, and whether a notice is due.
 *
 * @param certificates    active certificates, AUTH before SIGN
 * @param alreadyNotified kinds whose current certificate an earlier run already notified (once per certificate)
 */
public record ResidentAssessment(LocalDate runDate, LocalDate birthDate, LocalDate cardExpiresOn,
                                 List<CertificateExpiry> certificates, Set<CertificateKind> alreadyNotified) {

    private static final int AGE_OF_OWN_APPLICATION = 15;
    /** Earliest expiry first; on equal dates the first reason in {@link ExpiryReason} order. */
    private static final Comparator<CertificateExpiry> EARLIEST =
            Comparator.comparing(CertificateExpiry::expiry).thenComparing(CertificateExpiry::reason);

    public ResidentAssessment {
        certificates = List.copyOf(certificates);
        alreadyNotified = alreadyNotified.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alreadyNotified));
    }

    /** Certificates to notify now: in their window, and not notified before. */
    public List<CertificateExpiry> dueCertificates() {
        if (cardExpiresOn.isBefore(runDate)) {
            return List.of();
        }
        int due = 0;
        for (int i = 0; i < certificates.size(); i++) {
            due += notifyNow(certificates.get(i)) ? 1 : 0;
        }
        // The two usual cases (none due: nine rows in ten; all due) without a new list.
        if (due == 0) {
            return List.of();
        }
        if (due == certificates.size()) {
            return certificates;   // already unmodifiable
        }
        List<CertificateExpiry> list = new ArrayList<>(due);
        for (int i = 0; i < certificates.size(); i++) {
            CertificateExpiry c = certificates.get(i);
            if (notifyNow(c)) {
                list.add(c);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Whether any certificate is to be notified now. This and the methods below run for every row of the registry:
     * indexed loops, and no new list in the usual cases.
     */
    public boolean due() {
        return !dueCertificates().isEmpty();
    }

    private boolean notifyNow(CertificateExpiry c) {
        return c.due() && !alreadyNotified.contains(c.kind());
    }

    /** Why no notice is due; empty when one is. */
    public Optional<NotDueReason> notDueReason() {
        if (certificates.isEmpty()) {
            return Optional.of(NotDueReason.NO_CERTIFICATE);
        }
        if (cardExpiresOn.isBefore(runDate)) {
            return Optional.of(NotDueReason.CARD_EXPIRED);
        }
        if (due()) {
            return Optional.empty();
        }
        for (int i = 0; i < certificates.size(); i++) {
            CertificateExpiry c = certificates.get(i);
            if (c.due() && alreadyNotified.contains(c.kind())) {
                return Optional.of(NotDueReason.ALREADY_NOTIFIED);
            }
        }
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.get(i).windowOpens().isAfter(runDate)) {
                return Optional.of(NotDueReason.NOT_YET_DUE);
            }
        }
        return Optional.of(NotDueReason.EXPIRED);
    }

    /** The earliest expiry among the due certificates. */
    public Optional<LocalDate> earliestExpiry() {
        return earliestDue().map(CertificateExpiry::expiry);
    }

    /** Reason of the earliest due certificate; on equal dates the first in {@link ExpiryReason} order. */
    public Optional<ExpiryReason> reason() {
        return earliestDue().map(CertificateExpiry::reason);
    }

    private Optional<CertificateExpiry> earliestDue() {
        CertificateExpiry earliest = null;
        List<CertificateExpiry> due = dueCertificates();
        for (int i = 0; i < due.size(); i++) {
            CertificateExpiry c = due.get(i);
            if (earliest == null || EARLIEST.compare(c, earliest) < 0) {
                earliest = c;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Due kinds joined by {@code ;} in alphabetical order, as in the manifest: {@code AUTH;SIGN}. */
    public String dueKindsCode() {
        List<String> kinds = new ArrayList<>(2);
        for (CertificateExpiry c : dueCertificates()) {
            kinds.add(c.kind().name());
        }
        kinds.sort(null);
        return String.join(";", kinds);
    }

    /** Under 15 on the run date: the legal representative must apply (domain.md §4.7). */
    public boolean minor() {
        // Period counts a 29 February birth as turning a year older on 1 March, as the Civil Code's period rule does.
        return Period.between(birthDate, runDate).getYears() < AGE_OF_OWN_APPLICATION;
    }

    /** True when any own limit was computed under the leap-day policy (counted in the summary). */
    public boolean leapDayPolicyUsed() {
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.get(i).leapDayPolicyUsed()) {
                return true;
            }
        }
        return false;
    }

    /** The same assessment with the given kinds marked as notified by an earlier run. */
    public ResidentAssessment withAlreadyNotified(Set<CertificateKind> kinds) {
        return new ResidentAssessment(runDate, birthDate, cardExpiresOn, certificates, kinds);
    }
}
