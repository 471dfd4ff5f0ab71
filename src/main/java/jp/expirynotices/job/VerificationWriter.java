package jp.expirynotices.job;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Fails the run, naming the resident ids, when any letter of the chunk is not true to its record; otherwise clears
 * the chunk's personal data in its transaction: once a letter is checked, nothing needs its resident's name,
 * address or birth date any more (the bundles and the report work from the files and the manifest columns).
 */
public class VerificationWriter implements ItemWriter<VerificationWriter.Finding> {

    /** What the verifier found for one letter; no problems means the letter is right. */
    public record Finding(String residentId, int sequence, List<String> problems) {
    }

    /** Some letters do not match their records: the run must not be marked complete. */
    public static class LetterMismatchException extends IllegalStateException {
        public LetterMismatchException(String message) {
            super(message);
        }
    }

    private final RunStore store;
    private final long instanceId;

    public VerificationWriter(RunStore store, long instanceId) {
        this.store = store;
        this.instanceId = instanceId;
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
        // A chunk is a run of consecutive letters of one worker's range of the mailing order.
        int from = chunk.getItems().stream().mapToInt(Finding::sequence).min().orElse(0);
        int to = chunk.getItems().stream().mapToInt(Finding::sequence).max().orElse(-1);
        if (from <= to) {
            store.purgePersonalData(instanceId, from, to);
        }
    }
}
