package jp.expirynotices.job;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryHeader;
import jp.expirynotices.registry.RegistryValidator;
import jp.expirynotices.registry.Resident;
import jp.expirynotices.registry.ValidationOutcome;

/** Validates one row, applies the expiry rules and the ledger: the whole select decision, without Spring. */
public final class Screener {

    /** Kinds of a resident's current certificates that an earlier run notified. */
    @FunctionalInterface
    public interface Ledger {
        Set<CertificateKind> alreadyNotified(String residentId, Map<CertificateKind, LocalDate> expiries);
    }

    public static final String HOLD_MAIL = "HOLD_MAIL";

    private final RegistryValidator validator;
    private final ExpiryCalculator calculator;
    private final Ledger ledger;
    private final LocalDate runDate;

    public Screener(LocalDate runDate, ExpiryCalculator calculator, Ledger ledger) {
        this.validator = new RegistryValidator(runDate);
        this.calculator = calculator;
        this.ledger = ledger;
        this.runDate = runDate;
    }

    public Screening screen(RawRecord record, RegistryHeader header) {
        return switch (validator.validate(record, header)) {
            case ValidationOutcome.Invalid invalid -> new Screening.Rejected(invalid.reject());
            case ValidationOutcome.Valid valid -> assess(valid.resident());
        };
    }

    private Screening assess(Resident resident) {
        ResidentAssessment assessment = calculator.assess(resident.birthDate(), resident.cardExpiresOn(),
                resident.certificates(), runDate);
        if (assessment.due()) {
            // Only residents with a certificate in its window cost a ledger look-up.
            Set<CertificateKind> notified = ledger.alreadyNotified(resident.residentId(),
                    RunStore.expiries(assessment.certificates()));
            if (!notified.isEmpty()) {
                assessment = assessment.withAlreadyNotified(notified);
            }
        }
        if (!assessment.due()) {
            return new Screening.NotDue(assessment.notDueReason().orElseThrow(), assessment.leapDayPolicyUsed());
        }
        Candidate.Status status = resident.holdMail() ? Candidate.Status.HELD : Candidate.Status.SELECTED;
        Candidate candidate = new Candidate(resident, status, resident.holdMail() ? HOLD_MAIL : null,
                assessment.earliestExpiry().orElseThrow(), assessment.dueKindsCode(), assessment.reason().orElseThrow(),
                assessment.alreadyNotified(), 0);
        return new Screening.Staged(candidate, assessment);
    }
}
