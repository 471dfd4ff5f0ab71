package jp.expirynotices.job;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Numbers the selected residents in mailing order (postal code, then resident id), a page of keys per call and per
 * transaction, so that neither the keys nor the changed rows of a large run pile up in memory. A restart numbers
 * again from the first page: the numbers come out the same.
 */
public class SequenceTasklet implements Tasklet {

    static final int PAGE = 2_000;

    private final RunStore store;
    private final int page;
    private int numbered;
    private String lastPostal;
    private String lastId;

    public SequenceTasklet(RunStore store) {
        this(store, PAGE);
    }

    SequenceTasklet(RunStore store, int page) {
        this.store = store;
        this.page = page;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        List<String[]> keys = store.mailingOrderPage(instanceId, lastPostal, lastId, page);
        if (keys.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        store.setSequence(instanceId, keys, numbered + 1);
        numbered += keys.size();
        String[] last = keys.get(keys.size() - 1);
        lastPostal = last[0];
        lastId = last[1];
        contribution.incrementWriteCount(keys.size());
        return keys.size() < page ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
