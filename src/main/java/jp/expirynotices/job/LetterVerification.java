package jp.expirynotices.job;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Spring Batch face of {@link LetterVerifier}. */
public class LetterVerification implements ItemProcessor<LetterVerifier.RecordedLetter, VerificationWriter.Finding> {

    private final LetterVerifier verifier;
    private final Path runFolder;

    public LetterVerification(LetterVerifier verifier, Path runFolder) {
        this.verifier = verifier;
        this.runFolder = runFolder;
    }

    @Override
    public VerificationWriter.Finding process(LetterVerifier.RecordedLetter letter) {
        return new VerificationWriter.Finding(letter.candidate().residentId(), verifier.verify(letter, runFolder));
    }
}
