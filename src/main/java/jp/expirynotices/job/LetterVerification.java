package jp.expirynotices.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Spring Batch face of the self-check: {@link LetterVerifier} on each letter, and the run's log (as far as it has
 * been written when the check starts) searched for the resident's personal data ({@link PersonalDataScan}).
 */
public class LetterVerification implements ItemProcessor<LetterVerifier.RecordedLetter, VerificationWriter.Finding> {

    private final LetterVerifier verifier;
    private final Path runFolder;
    private final Optional<PersonalDataScan> logScan;

    public LetterVerification(LetterVerifier verifier, Path runFolder, Optional<PersonalDataScan> logScan) {
        this.verifier = verifier;
        this.runFolder = runFolder;
        this.logScan = logScan;
    }

    @Override
    public VerificationWriter.Finding process(LetterVerifier.RecordedLetter letter) {
        List<String> problems = new ArrayList<>(verifier.verify(letter, runFolder));
        logScan.ifPresent(scan -> scan.found(letter.candidate().resident())
                .forEach(what -> problems.add("the resident's " + what + " appears in the run's log")));
        return new VerificationWriter.Finding(letter.candidate().residentId(), letter.candidate().sequence(), problems);
    }
}
