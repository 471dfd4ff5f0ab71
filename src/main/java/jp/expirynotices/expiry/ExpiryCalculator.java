package jp.expirynotices.expiry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    /** Earliest date first; on equal dates the first reason in {@link ExpiryReason} order. */
    private static final Comparator<Term> EARLIEST = Comparator.comparing(Term::date).thenComparing(Term::reason);

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
        Map<CertificateKind, Certificate> active = new EnumMap<>(CertificateKind.class);
        for (Certificate c : certificates) {
            if (c.active()) {
                active.put(c.kind(), c);
            }
        }
        List<CertificateExpiry> result = new ArrayList<>();
        // AUTH first: an active AUTH certificate caps SIGN.
        Optional<CertificateExpiry> auth = Optional.ofNullable(active.get(CertificateKind.AUTH))
                .map(c -> expiryOf(c, birthDate, cardExpiresOn, Optional.empty(), runDate));
        auth.ifPresent(result::add);
        Optional.ofNullable(active.get(CertificateKind.SIGN))
                .map(c -> expiryOf(c, birthDate, cardExpiresOn, auth.map(CertificateExpiry::expiry), runDate))
                .ifPresent(result::add);
        return new ResidentAssessment(runDate, birthDate, cardExpiresOn, List.copyOf(result),
                Set.of());
    }

    private CertificateExpiry expiryOf(Certificate certificate, LocalDate birthDate, LocalDate cardExpiresOn,
                                       Optional<LocalDate> authExpiry, LocalDate runDate) {
        boolean computed = certificate.recordedExpiry().isEmpty();
        LocalDate ownLimit = certificate.recordedExpiry()
                .orElseGet(() -> fifthBirthdayAfter(birthDate, certificate.issuedOn()));
        boolean leapPolicyUsed = computed && LeapDayPolicy.applies(birthDate, ownLimit.getYear());

        List<Term> terms = new ArrayList<>(3);
        terms.add(new Term(cardExpiresOn, ExpiryReason.CARD_EXPIRY));
        terms.add(new Term(ownLimit, ExpiryReason.OWN_LIMIT));
        authExpiry.ifPresent(date -> terms.add(new Term(date, ExpiryReason.AUTH_CERT_EXPIRY)));
        Term earliest = Collections.min(terms, EARLIEST);

        LocalDate opens = windowOpens(earliest.date());
        boolean due = !runDate.isBefore(opens) && !runDate.isAfter(earliest.date());
        return new CertificateExpiry(certificate.kind(), certificate.issuedOn(), ownLimit, earliest.date(),
                earliest.reason(), leapPolicyUsed, opens, due);
    }

    private record Term(LocalDate date, ExpiryReason reason) {
    }
}
