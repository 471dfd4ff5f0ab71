package jp.expirynotices.job;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Fails the run, naming the resident ids, when any letter of the chunk is not true to its record. */
public class VerificationWriter implements ItemWriter<VerificationWriter.Finding> {

    /** What the verifier found for one letter; no problems means the letter is right. */
    public record Finding(String residentId, List<String> problems) {
    }

    /** Some letters do not match their records: the run must not be marked complete. */
    public static class LetterMismatchException extends IllegalStateException {
        public LetterMismatchException(String message) {
            super(message);
        }
    }

    @Override
    public void write(Chunk<? extends Finding> chunk) {
        String failures = chunk.getItems().stream()
                .filter(f -> !f.problems().isEmpty())
                .map(f -> f.residentId() + " (" + String.join("; ", f.problems()) + ")")
                .collect(Collectors.joining(", "));
        if (!failures.isEmpty()) {
            throw new LetterMismatchException("self-verification failed, letters do not match their records: "
                    + failures);
        }
    }
}
