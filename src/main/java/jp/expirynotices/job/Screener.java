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

    /** Code points of a text that the letter font cannot draw (外字). */
    @FunctionalInterface
    public interface GlyphCheck {
        Set<Integer> missing(String text);
    }

    public static final String HOLD_MAIL = "HOLD_MAIL";
    public static final String GLYPH_MISSING = "GLYPH_MISSING";

    private final RegistryValidator validator;
    private final ExpiryCalculator calculator;
    private final Ledger ledger;
    private final GlyphCheck glyphs;
    private final LocalDate runDate;

    public Screener(LocalDate runDate, ExpiryCalculator calculator, Ledger ledger, GlyphCheck glyphs) {
        this.validator = new RegistryValidator(runDate);
        this.calculator = calculator;
        this.ledger = ledger;
        this.glyphs = glyphs;
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
        String heldReason = heldReason(resident);
        Candidate.Status status = heldReason == null ? Candidate.Status.SELECTED : Candidate.Status.HELD;
        Candidate candidate = new Candidate(resident, status, heldReason,
                assessment.earliestExpiry().orElseThrow(), assessment.dueKindsCode(), assessment.reason().orElseThrow(),
                assessment.alreadyNotified(), 0);
        return new Screening.Staged(candidate, assessment);
    }

    /**
     * Why a due resident gets no letter: mail held by the registry, or a name or address the font cannot draw
     * exactly (a letter with a missing or substitute glyph would go to the wrong door).
     */
    private String heldReason(Resident r) {
        if (r.holdMail()) {
            return HOLD_MAIL;
        }
        Set<Integer> missing = glyphs.missing(r.name() + r.addressTown() + r.addressBlock() + r.addressBuilding());
        if (missing.isEmpty()) {
            return null;
        }
        return GLYPH_MISSING + ": " + missing.stream().sorted()
                .map(cp -> String.format("U+%04X", cp))
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
