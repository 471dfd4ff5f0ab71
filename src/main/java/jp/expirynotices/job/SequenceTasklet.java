package jp.expirynotices.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads the residents the select step staged ({@link SelectionSpill}) into the database in mailing order (postal
 * code, then resident id), the selected ones numbered 1, 2, ..., a page per call and per transaction, so that
 * neither the residents nor the inserted rows of a large run pile up in memory. A restart loads again from the first
 * resident (the rows of the interrupted load deleted first): the numbers come out the same. The staged files are
 * deleted once every row is committed. Without them the residents are in the database (an execution that loaded
 * them all and stopped before its end was recorded, or a run that an earlier version of this job staged there and
 * did not finish): they are staged again from there, when every resident the select step counted is there.
 */
public class SequenceTasklet implements Tasklet, StepExecutionListener {

    private final RunStore store;
    private final SelectionSpill spill;
    private final int page;
    private final PausePoint pausePoint;
    private SelectionSpill.Merge merge;
    private int numbered;
    private long loaded;
    private long pages;

    SequenceTasklet(RunStore store, SelectionSpill spill, int page, PausePoint pausePoint) {
        this.store = store;
        this.spill = spill;
        this.page = page;
        this.pausePoint = pausePoint;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long instanceId = step.getJobExecution().getJobInstanceId();
        if (merge == null) {
            if (!spill.exists()) {
                stageAgainFromDatabase(instanceId, step);
            }
            store.clearCandidates(instanceId);
            merge = spill.merge();
        }
        List<Candidate> rows = new ArrayList<>(page);
        for (Candidate c; rows.size() < page && (c = merge.next()) != null; ) {
            rows.add(c.numbered(c.status() == Candidate.Status.SELECTED ? ++numbered : 0));
        }
        if (rows.isEmpty()) {
            close();
            long staged = staged(step);
            if (loaded != staged) {
                throw new IllegalStateException("the staged selection in " + spill.directory() + " holds " + loaded
                        + " residents, the select step counted " + staged + "; this run cannot go on");
            }
            // Every row is committed by now: from here on a restart finds them in the database.
            spill.delete();
            return RepeatStatus.FINISHED;
        }
        loaded += rows.size();
        store.insertCandidates(instanceId, rows);
        contribution.incrementWriteCount(rows.size());
        pausePoint.reached("sequence", ++pages);
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * No staged files: the database has every resident the select step counted (anything else means they were
     * lost), numbered or not; they are written to sorted runs again and loaded like any others.
     */
    private void stageAgainFromDatabase(long instanceId, StepExecution step) {
        long staged = staged(step);
        long inDatabase = store.countCandidates(instanceId);
        if (inDatabase != staged) {
            throw new IllegalStateException("the residents staged by the select step are missing (" + spill.directory()
                    + " was deleted): the database has " + inDatabase + " of " + staged + "; this run cannot go on");
        }
        SelectionSpill.Writer writer = spill.writer();
        store.candidates(instanceId, writer::add);
        writer.finish();
    }

    /** Residents the select step staged: selected and held, as it counted them. */
    private static long staged(StepExecution step) {
        @SuppressWarnings("unchecked")
        Map<String, Long> counts = (Map<String, Long>) step.getJobExecution().getExecutionContext()
                .get(SelectionWriter.TALLY_KEY);
        SelectionTally tally = SelectionTally.of(Objects.requireNonNullElse(counts, Map.of()));
        return tally.get(SelectionTally.SELECTED) + tally.get(SelectionTally.HELD);
    }

    private void close() {
        if (merge != null) {
            merge.close();
            merge = null;
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        close();   // a failed step leaves its files open otherwise
        return stepExecution.getExitStatus();
    }
}
