package jp.expirynotices.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import jp.expirynotices.registry.Reject;
import jp.expirynotices.registry.RegistryInputException;

/**
 * Stages due residents (in sorted runs on disk, see {@link SelectionSpill}; the last chunk writes the last run) and
 * rejects (in the chunk's transaction) and keeps the counts; fails the step when the input is unusable as a whole
 * (every row rejected, or more rejects than the configured limit).
 */
public class SelectionWriter implements ItemWriter<List<Screening>>, StepExecutionListener {

    public static final String TALLY_KEY = "selection.tally";
    private static final Logger log = LoggerFactory.getLogger(SelectionWriter.class);
    /** Rejects named (line, column, reason code: never a value) in the message of a refused file. */
    static final int NAMED_REJECTS = 5;

    /** Where the rows come from: the file (for messages), whether the last row was read, blank lines skipped. */
    interface Source {
        Path input();

        boolean exhausted();

        long blankLines();
    }

    private final RunStore store;
    private final SelectionSpill spill;
    private final Source reader;
    private final long maxRejects;
    private final ProgressReporter progress;
    private final PausePoint pausePoint;
    private final SelectionTally tally = new SelectionTally();
    private final List<Reject> firstRejects = new ArrayList<>();
    private long instanceId;
    private long chunks;
    private SelectionSpill.Writer staged;

    SelectionWriter(RunStore store, SelectionSpill spill, Source reader, long maxRejects, ProgressReporter progress,
                    PausePoint pausePoint) {
        this.store = store;
        this.spill = spill;
        this.reader = reader;
        this.maxRejects = maxRejects;
        this.progress = progress;
        this.pausePoint = pausePoint;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        instanceId = stepExecution.getJobExecution().getJobInstanceId();
        store.clearSelection(instanceId);
        spill.delete();
        staged = spill.writer();
        progress.beforeStep(stepExecution);
    }

    @Override
    public void write(Chunk<? extends List<Screening>> chunk) {
        List<Screening> rows = new ArrayList<>();
        for (List<Screening> batch : chunk) {
            rows.addAll(batch);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        SelectionTally chunkTally = new SelectionTally();
        for (Screening s : withLedger(rows)) {
            chunkTally.add(s);
            switch (s) {
                case Screening.Staged staged -> candidates.add(staged.candidate());
                case Screening.Rejected rejected -> rejects.add(rejected.reject());
                case Screening.NotDue ignored -> { }
            }
        }
        for (Reject r : rejects) {
            if (firstRejects.size() < NAMED_REJECTS) {
                firstRejects.add(r);
            }
        }
        candidates.forEach(staged::add);
        store.insertRejects(instanceId, rejects);
        tally.merge(chunkTally);
        check();
        if (reader.exhausted()) {
            staged.finish();
        }
        progress.advance(rows.size());
        pausePoint.reached("select", ++chunks);
    }

    /** Applies the ledger to the chunk's staged rows: one query for the chunk instead of one per due row. */
    private List<Screening> withLedger(List<Screening> screenings) {
        List<String> ids = new ArrayList<>();
        for (Screening s : screenings) {
            if (s instanceof Screening.Staged staged) {
                ids.add(staged.candidate().residentId());
            }
        }
        if (ids.isEmpty()) {
            return screenings;
        }
        Screener.Ledger ledger = store.ledgerOf(ids, instanceId);
        if (ledger == Screener.Ledger.NONE) {
            return screenings;
        }
        List<Screening> out = new ArrayList<>(screenings.size());
        for (Screening s : screenings) {
            out.add(s instanceof Screening.Staged staged ? Screener.applyLedger(staged, ledger.alreadyNotified(
                    staged.candidate().residentId(), RunStore.expiries(staged.assessment().certificates()))) : s);
        }
        return out;
    }

    private void check() {
        long rejected = tally.get(SelectionTally.ROWS_REJECTED);
        if (maxRejects >= 0 && rejected > maxRejects) {
            throw new RegistryInputException(reader.input() + ": " + rejected
                    + " rows rejected, more than notices.max-rejects=" + maxRejects + "; first: " + firstRejects()
                    + "; fix the file and run the same command again");
        }
        long read = tally.get(SelectionTally.ROWS_READ);
        if (reader.exhausted() && read > 0 && rejected == read) {
            throw new RegistryInputException(reader.input() + ": every one of the " + read
                    + " rows was rejected (by reason: " + rejectReasons() + "); first: " + firstRejects()
                    + "; the file cannot be used as it is");
        }
    }

    /** Where the first rejects are: line, column and reason code only (the id may be personal data misplaced). */
    private String firstRejects() {
        return String.join(", ", firstRejects.stream().map(r -> "line " + r.line()
                + (r.column().isEmpty() ? "" : " " + r.column()) + " " + r.reasonCode()).toList());
    }

    private String rejectReasons() {
        StringBuilder sb = new StringBuilder();
        tally.asMap().forEach((k, v) -> {
            if (k.startsWith("rejected.")) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k.substring(9)).append('=').append(v);
            }
        });
        return sb.toString();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            // Done again from the first row by a restart: no personal data left behind meanwhile, and a refused
            // file leaves no run folder (NightlyRun removes one that holds only its lock).
            spill.delete();
        }
        tally.addBlankLines(reader.blankLines());
        Map<String, Long> counts = tally.asMap();
        // Kept with the job execution: a restart after a later step's crash still has the select step's counts.
        stepExecution.getJobExecution().getExecutionContext().put(TALLY_KEY, new TreeMap<>(counts));
        progress.afterStep(stepExecution);
        log.info("selection: {} rows read, {} rejected, {} selected, {} held",
                tally.get(SelectionTally.ROWS_READ), tally.get(SelectionTally.ROWS_REJECTED),
                tally.get(SelectionTally.SELECTED), tally.get(SelectionTally.HELD));
        return stepExecution.getExitStatus();
    }
}
