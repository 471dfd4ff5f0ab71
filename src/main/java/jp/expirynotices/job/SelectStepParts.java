package jp.expirynotices.job;

import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryReader;

/**
 * Reader and writer of the select step in one plain object, made fresh for every step execution in
 * {@link #beforeStep}. Step-scoped beans would do the same, but every call through a scoped proxy looks the bean up
 * in the step scope: two look-ups per item, a tenth of the step's time on a million rows. The rows are read and
 * screened a few batches ahead on threads of their own ({@link ScreeningReadAhead}); the step's thread applies the
 * ledger and stages them. The step's item is such a batch of chunk-size rows (see {@link
 * JobSettings#selectBatchesPerChunk}).
 */
public class SelectStepParts implements ItemStreamReader<List<Screening>>, ItemWriter<List<Screening>>,
        StepExecutionListener {

    /** Batches the reading thread may read ahead (bounded memory). */
    static final int READ_AHEAD_DEPTH = 8;

    private final RunStore store;
    private final JobSettings settings;
    private final LetterRendering rendering;
    private RegistryItemReader reader;
    private ScreeningReadAhead<ReadRow> readAhead;
    private SelectionWriter writer;

    public SelectStepParts(RunStore store, JobSettings settings, LetterRendering rendering) {
        this.store = store;
        this.settings = settings;
        this.rendering = rendering;
    }

    /** A row as the reading thread passes it on: with the one fact that needed the rows in file order. */
    private record ReadRow(RawRecord record, boolean firstOfId) {
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        RunRequest request = RunRequest.of(stepExecution.getJobParameters());
        long instanceId = stepExecution.getJobExecution().getJobInstanceId();
        reader = new RegistryItemReader(request.input(), request.encoding());
        Screener screener = new Screener(request.runDate(), settings.calculator(),
                (id, expiries) -> store.alreadyNotified(id, expiries, instanceId),
                rendering.fonts()::missingCodePoints, RegistryReader.estimatedLines(request.input()));
        RegistryItemReader file = reader;
        // Never filters: every row is counted. The ledger is applied per chunk by the writer.
        readAhead = new ScreeningReadAhead<>(file, () -> {
            RawRecord row = file.read();
            return row == null ? null : new ReadRow(row, screener.firstOfId(row, file.header()));
        }, row -> screener.screenBeforeLedger(row.record(), file.header(), row.firstOfId()), settings.chunkSize(),
                READ_AHEAD_DEPTH);
        writer = new SelectionWriter(store, new SelectionSpill(request.runFolder(), instanceId), readAhead,
                settings.maxRejects(),
                new ProgressReporter("select", "rows", () -> -1, settings.progressInterval()), settings.pausePoint());
        writer.beforeStep(stepExecution);
        store.relaxedCommits(true);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        // Opened here, on the step's thread: a file that cannot be opened fails the step at once.
        reader.open(executionContext);
        readAhead.start();
    }

    @Override
    public List<Screening> read() {
        return readAhead.next();
    }

    @Override
    public void write(Chunk<? extends List<Screening>> chunk) {
        writer.write(chunk);
    }

    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.close();
        }
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // Before the step's end is recorded: from here on every commit is on disk again.
        store.relaxedCommits(false);
        ExitStatus status = writer.afterStep(stepExecution);
        // This object outlives the step (a singleton): let the validator's id set (16 MB a million rows) go now,
        // and the reading thread, which a failed step leaves waiting.
        if (readAhead != null) {
            readAhead.close();
        }
        readAhead = null;
        return status;
    }
}
