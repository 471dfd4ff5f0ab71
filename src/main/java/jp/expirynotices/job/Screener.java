package jp.expirynotices.job;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        /** No resident has been notified of anything. */
        Ledger NONE = (residentId, expiries) -> Set.of();

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
        this(runDate, calculator, ledger, glyphs, 0);
    }

    /** @param expectedRows about how many rows the registry has (0 if not known): sizes the repeated-id check */
    public Screener(LocalDate runDate, ExpiryCalculator calculator, Ledger ledger, GlyphCheck glyphs,
                    long expectedRows) {
        this.validator = new RegistryValidator(runDate, expectedRows);
        this.calculator = calculator;
        this.ledger = ledger;
        this.glyphs = glyphs;
        this.runDate = runDate;
    }

    /** The whole decision for one row, the ledger looked up for this row alone. */
    public Screening screen(RawRecord record, RegistryHeader header) {
        Screening screening = screenBeforeLedger(record, header);
        if (screening instanceof Screening.Staged staged) {
            return applyLedger(staged, ledger.alreadyNotified(staged.candidate().residentId(),
                    RunStore.expiries(staged.assessment().certificates())));
        }
        return screening;
    }

    /**
     * The decision for one row without the ledger: a {@link Screening.Staged} result is final only after {@link
     * #applyLedger}. The select step looks up the ledger once per chunk for all its staged rows, not once per row.
     */
    public Screening screenBeforeLedger(RawRecord record, RegistryHeader header) {
        return screenBeforeLedger(record, header, validator.firstOfId(record, header));
    }

    /**
     * True if the row's id is the first of its kind in the file: for every row, in file order, on one thread. Then
     * {@link #screenBeforeLedger(RawRecord, RegistryHeader, boolean)} may screen the rows on any thread.
     */
    public boolean firstOfId(RawRecord record, RegistryHeader header) {
        return validator.firstOfId(record, header);
    }

    /** As {@link #screenBeforeLedger(RawRecord, RegistryHeader)}, given {@link #firstOfId} of the row; thread-safe. */
    public Screening screenBeforeLedger(RawRecord record, RegistryHeader header, boolean firstOfId) {
        return switch (validator.validate(record, header, firstOfId)) {
            case ValidationOutcome.Invalid invalid -> new Screening.Rejected(invalid.reject());
            case ValidationOutcome.Valid valid -> assess(valid.resident());
        };
    }

    /**
     * A staged resident with the kinds an earlier run notified (current certificates, same expiry) taken out: still
     * staged with the remaining due kinds, or not due ({@code ALREADY_NOTIFIED}).
     */
    public static Screening applyLedger(Screening.Staged staged, Set<CertificateKind> notified) {
        if (notified.isEmpty()) {
            return staged;
        }
        ResidentAssessment assessment = staged.assessment().withAlreadyNotified(notified);
        if (!assessment.due()) {
            return Screening.NotDue.of(assessment.notDueReason().orElseThrow(), assessment.leapDayPolicyUsed());
        }
        Candidate c = staged.candidate();
        return new Screening.Staged(candidate(c.resident(), c.status(), c.heldReason(), assessment), assessment);
    }

    private Screening assess(Resident resident) {
        ResidentAssessment assessment = calculator.assess(resident.birthDate(), resident.cardExpiresOn(),
                resident.certificates(), runDate);
        if (!assessment.due()) {
            return Screening.NotDue.of(assessment.notDueReason().orElseThrow(), assessment.leapDayPolicyUsed());
        }
        String heldReason = heldReason(resident);
        Candidate.Status status = heldReason == null ? Candidate.Status.SELECTED : Candidate.Status.HELD;
        return new Screening.Staged(candidate(resident, status, heldReason, assessment), assessment);
    }

    private static Candidate candidate(Resident resident, Candidate.Status status, String heldReason,
                                       ResidentAssessment assessment) {
        return new Candidate(resident, status, heldReason, assessment.earliestExpiry().orElseThrow(),
                assessment.dueKindsCode(), assessment.reason().orElseThrow(), assessment.alreadyNotified(), 0);
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
                .collect(Collectors.joining(" "));
    }
}
