package jp.expirynotices.expiry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The expiry and renewal-window rules of domain.md §2–§3, in one pure place.
 *
 * <p>Own limit: the recorded expiry when given, else the 5th birthday strictly after the issue date. Expiry: the
 * earliest of own limit, card expiry and (SIGN only) the active AUTH certificate's expiry; ties go to the first of
 * {@link ExpiryReason}'s order. Due on R: {@code opens(E) <= R <= E} with {@code opens(E) = E - window + 1 day}.
 */
public final class ExpiryCalculator {

    private static final int BIRTHDAYS_OF_VALIDITY = 5;
    private final LeapDayPolicy leapDayPolicy;
    private final int windowMonths;

    public ExpiryCalculator(LeapDayPolicy leapDayPolicy, int windowMonths) {
        if (windowMonths < 1 || windowMonths > 24) {
            throw new IllegalArgumentException("window length must be 1..24 months, was " + windowMonths);
        }
        this.leapDayPolicy = Objects.requireNonNull(leapDayPolicy, "leapDayPolicy");
        this.windowMonths = windowMonths;
    }

    /** The defaults of domain.md: 29 February falls on 28 February, three-month window. */
    public static ExpiryCalculator defaults() {
        return new ExpiryCalculator(LeapDayPolicy.FEB_28, 3);
    }

    public LeapDayPolicy leapDayPolicy() {
        return leapDayPolicy;
    }

    public int windowMonths() {
        return windowMonths;
    }

    /** The 5th birthday strictly after {@code issuedOn}: a birthday on the issue date itself does not count. */
    public LocalDate fifthBirthdayAfter(LocalDate birthDate, LocalDate issuedOn) {
        int firstYear = leapDayPolicy.birthdayIn(birthDate, issuedOn.getYear()).isAfter(issuedOn)
                ? issuedOn.getYear() : issuedOn.getYear() + 1;
        return leapDayPolicy.birthdayIn(birthDate, firstYear + BIRTHDAYS_OF_VALIDITY - 1);
    }

    /** First day of the renewal window of a certificate expiring on {@code expiry} (month-end clamped). */
    public LocalDate windowOpens(LocalDate expiry) {
        return expiry.minusMonths(windowMonths).plusDays(1);
    }

    /** Assesses every active certificate of one resident on {@code runDate}; revoked ones are ignored. */
    public ResidentAssessment assess(LocalDate birthDate, LocalDate cardExpiresOn, List<Certificate> certificates,
                                     LocalDate runDate) {
        // Plain locals and ifs rather than a map, optionals and a sorted list: this runs for every row of the
        // registry, and what it allocates is most of what the garbage collector has to do in the select step.
        Certificate activeAuth = null;
        Certificate activeSign = null;
        for (int i = 0; i < certificates.size(); i++) {
            Certificate c = certificates.get(i);
            if (c.active()) {
                if (c.kind() == CertificateKind.AUTH) {
                    activeAuth = c;
                } else {
                    activeSign = c;
                }
            }
        }
        // AUTH first: an active AUTH certificate caps SIGN.
        CertificateExpiry auth = activeAuth == null ? null
                : expiryOf(activeAuth, birthDate, cardExpiresOn, null, runDate);
        CertificateExpiry sign = activeSign == null ? null
                : expiryOf(activeSign, birthDate, cardExpiresOn, auth == null ? null : auth.expiry(), runDate);
        List<CertificateExpiry> result = auth == null ? (sign == null ? List.of() : List.of(sign))
                : sign == null ? List.of(auth) : List.of(auth, sign);
        return new ResidentAssessment(runDate, birthDate, cardExpiresOn, result, Set.of());
    }

    /** @param authExpiry the active AUTH certificate's expiry, or null when there is none */
    private CertificateExpiry expiryOf(Certificate certificate, LocalDate birthDate, LocalDate cardExpiresOn,
                                       LocalDate authExpiry, LocalDate runDate) {
        Optional<LocalDate> recorded = certificate.recordedExpiry();
        boolean computed = recorded.isEmpty();
        LocalDate ownLimit = computed ? fifthBirthdayAfter(birthDate, certificate.issuedOn()) : recorded.get();
        boolean leapPolicyUsed = computed && LeapDayPolicy.applies(birthDate, ownLimit.getYear());

        // The earliest term; on equal dates the first in ExpiryReason order (the order they are looked at).
        LocalDate expiry = cardExpiresOn;
        ExpiryReason reason = ExpiryReason.CARD_EXPIRY;
        if (ownLimit.isBefore(expiry)) {
            expiry = ownLimit;
            reason = ExpiryReason.OWN_LIMIT;
        }
        if (authExpiry != null && authExpiry.isBefore(expiry)) {
            expiry = authExpiry;
            reason = ExpiryReason.AUTH_CERT_EXPIRY;
        }

        LocalDate opens = windowOpens(expiry);
        boolean due = !runDate.isBefore(opens) && !runDate.isAfter(expiry);
        return new CertificateExpiry(certificate.kind(), certificate.issuedOn(), ownLimit, expiry, reason,
                leapPolicyUsed, opens, due);
    }
}
