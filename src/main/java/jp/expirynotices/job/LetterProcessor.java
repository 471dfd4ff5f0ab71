package jp.expirynotices.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.letter.LetterRenderer;
import jp.expirynotices.letter.NoticeLetter;
import jp.expirynotices.letter.RenderedLetter;
import jp.expirynotices.mailing.CustomerBarcode;
import jp.expirynotices.registry.Resident;
import jp.expirynotices.report.OutputFiles;

/**
 * Re-applies the rules to a staged resident (the same rules, so the same dates as the manifest), draws the letter
 * and writes it under a temporary name beside its own (the chunk's writer forces the chunk's letters to disk and
 * renames them): a chunk's letters wait on disk, not in the heap, where the collector would copy them again and
 * again. Stateless: safe on several threads.
 */
public class LetterProcessor implements ItemProcessor<Candidate, PendingLetter> {

    public static final String LETTERS = "letters";

    private final ExpiryCalculator calculator;
    private final LetterRenderer renderer;
    private final PrefixDigest digest;
    private final LocalDate runDate;
    private final Path runFolder;

    public LetterProcessor(ExpiryCalculator calculator, LetterRenderer renderer, PrefixDigest digest,
                           LocalDate runDate, Path runFolder) {
        this.calculator = calculator;
        this.renderer = renderer;
        this.digest = digest;
        this.runDate = runDate;
        this.runFolder = runFolder;
    }

    @Override
    public PendingLetter process(Candidate candidate) {
        Resident r = candidate.resident();
        ResidentAssessment assessment = calculator.assess(r.birthDate(), r.cardExpiresOn(), r.certificates(), runDate)
                .withAlreadyNotified(candidate.notifiedKinds());
        if (!assessment.earliestExpiry().equals(Optional.of(candidate.earliestExpiry()))) {
            throw new IllegalStateException("resident " + r.residentId() + ": rules give a different expiry than "
                    + "at selection (settings changed during the run?)");
        }
        Optional<String> barcode = CustomerBarcode.encode(r.postalCode(), r.addressBlock(), r.addressBuilding())
                .map(CustomerBarcode::bars);
        RenderedLetter rendered = renderer.render(new NoticeLetter(r, assessment, runDate, barcode));
        List<LetterRecord.NotifiedCertificate> notified = assessment.dueCertificates().stream()
                .map(c -> new LetterRecord.NotifiedCertificate(c.kind(), c.expiry()))
                .toList();
        LetterRecord record = new LetterRecord(r.residentId(), candidate.sequence(), letterFile(r.residentId()),
                rendered.pages(), digest.sha256(rendered.pdf()), barcode.orElse(""), notified);
        return new PendingLetter(record, OutputFiles.stage(runFolder.resolve(record.letterFile()), rendered.pdf()));
    }

    /** {@code letters/<resident_id>.pdf}: safe as a path because resident ids are validated. */
    public static String letterFile(String residentId) {
        return LETTERS + "/" + residentId + ".pdf";
    }
}
