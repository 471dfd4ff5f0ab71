package jp.expirynotices.expiry;

import java.time.LocalDate;

/**
 * The computed expiry of one active certificate on a run date.
 *
 * @param ownLimit          recorded expiry, or the 5th birthday strictly after issue
 * @param leapDayPolicyUsed true when the own limit was computed on a 29 February birthday in a common year
 * @param windowOpens       first day of the renewal window; the window closes on {@code expiry}
 * @param due               the window is open on the run date
 */
public record CertificateExpiry(CertificateKind kind, LocalDate issuedOn, LocalDate ownLimit, LocalDate expiry,
                                ExpiryReason reason, boolean leapDayPolicyUsed, LocalDate windowOpens,
                                boolean due) {

    public boolean expiredOn(LocalDate runDate) {
        return expiry.isBefore(runDate);
    }
}
