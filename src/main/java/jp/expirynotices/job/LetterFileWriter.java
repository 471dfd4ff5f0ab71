package jp.expirynotices.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import jp.expirynotices.report.OutputFiles;

/**
 * Puts a chunk's letters on disk under their names (forced to disk together, each renamed atomically from where the
 * processor wrote it) and records them and their ledger rows in the chunk's
 * transaction. After a crash a letter may be on disk without its record: the restart draws it again under the same
 * name, so there is still exactly one file per resident and one ledger row per certificate.
 */
public class LetterFileWriter implements ItemWriter<PendingLetter>, StepExecutionListener {

    private final RunStore store;
    private final Path runFolder;
    private final LocalDate runDate;
    private final ProgressReporter progress;
    private final PausePoint pausePoint;
    private long instanceId;
    private long chunks;

    public LetterFileWriter(RunStore store, Path runFolder, LocalDate runDate, PausePoint pausePoint,
                            ProgressReporter progress) {
        this.store = store;
        this.runFolder = runFolder;
        this.runDate = runDate;
        this.pausePoint = pausePoint;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        instanceId = stepExecution.getJobExecution().getJobInstanceId();
        progress.beforeStep(stepExecution);
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        return progress.afterStep(stepExecution);
    }

    @Override
    public void write(Chunk<? extends PendingLetter> chunk) {
        List<LetterRecord> records = new ArrayList<>(chunk.size());
        SequencedMap<Path, Path> files = new LinkedHashMap<>();
        for (PendingLetter letter : chunk) {
            files.put(runFolder.resolve(letter.record().letterFile()), letter.staged());
            records.add(letter.record());
        }
        // on disk, each under its name, before the chunk's transaction records them
        OutputFiles.publishAll(files);
        store.recordLetters(instanceId, runDate, records);
        progress.advance(records.size());
        pausePoint.reached("render", ++chunks);
    }
}
