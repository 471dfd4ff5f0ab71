package jp.expirynotices.job;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;


/**
 * The nightly job: select (CSV → staged candidates) → sequence (mailing order) → render (letters) → bundle (print
 * files) → report (CSV/PDF summary, {@code _SUCCESS}). A dry run passes through render and bundle doing nothing.
 */
@Configuration
public class NoticeJobConfiguration {

    /** Rows per page of the readers by mailing order (a page of residents is a few megabytes at most). */
    static final int READER_PAGE = 2000;

    public static final String JOB_NAME = "expiryNotices";

    @Bean
    public Job expiryNoticesJob(JobRepository jobRepository, Step selectStep, Step sequenceStep, Step renderStep,
                                Step bundleStep, Step verifyStep, Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(selectStep)
                .next(sequenceStep)
                .next(renderStep)
                .next(bundleStep)
                .next(verifyStep)
                .next(reportStep)
                .build();
    }

    @Bean
    public Step selectStep(JobRepository jobRepository, PlatformTransactionManager tm, JobSettings settings,
                           SelectStepParts selectStepParts) {
        return new StepBuilder("select", jobRepository)
                .<List<Screening>, List<Screening>>chunk(settings.selectBatchesPerChunk())
                .transactionManager(tm)
                .reader(selectStepParts)
                .writer(selectStepParts)
                .listener(selectStepParts)
                .build();
    }

    /** Not step-scoped on purpose (see {@link SelectStepParts}): it makes its parts afresh before each execution. */
    @Bean
    public SelectStepParts selectStepParts(RunStore store, JobSettings settings, LetterRendering rendering) {
        return new SelectStepParts(store, settings, rendering);
    }

    @Bean
    public Step sequenceStep(JobRepository jobRepository, PlatformTransactionManager tm, SequenceTasklet sequenceTasklet) {
        return new StepBuilder("sequence", jobRepository).tasklet(sequenceTasklet, tm).listener(sequenceTasklet)
                .build();
    }

    /** Step-scoped: a fresh position for every execution (a restart loads and numbers from the start again). */
    @Bean
    @StepScope
    public SequenceTasklet sequenceTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store,
                                           JobSettings settings) {
        return new SequenceTasklet(store, new SelectionSpill(
                RunRequest.of(stepExecution.getJobParameters()).runFolder(),
                stepExecution.getJobExecution().getJobInstanceId()), settings.sequencePage(), settings.pausePoint());
    }

    /**
     * Letters are drawn by {@code notices.render-threads} workers, each on a range of the mailing sequence. A failed
     * run restarts only the workers that did not finish.
     */
    @Bean
    public Step renderStep(JobRepository jobRepository, Step renderWorkerStep, SequencePartitioner renderPartitioner,
                           JobSettings settings) {
        return new StepBuilder("render", jobRepository)
                .partitioner("renderWorker", renderPartitioner)
                .step(renderWorkerStep)
                .gridSize(settings.renderThreads())
                .taskExecutor(threads("render-", settings))
                .build();
    }

    /** {@code notices.render-threads} threads at a time, named for the log. */
    private static SimpleAsyncTaskExecutor threads(String prefix, JobSettings settings) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(prefix);
        executor.setConcurrencyLimit(settings.renderThreads());
        return executor;
    }

    @Bean
    @StepScope
    public SequencePartitioner renderPartitioner(@Value("#{stepExecution}") StepExecution stepExecution,
                                                 RunStore store) {
        return partitioner(stepExecution, store, "render");
    }

    @Bean
    @StepScope
    public SequencePartitioner verifyPartitioner(@Value("#{stepExecution}") StepExecution stepExecution,
                                                 RunStore store) {
        return partitioner(stepExecution, store, "verify");
    }

    /** The run's letters in ranges of the mailing sequence, named {@code name-001}, ... */
    private static SequencePartitioner partitioner(StepExecution stepExecution, RunStore store, String name) {
        return new SequencePartitioner((int) store.countSelected(stepExecution.getJobExecution().getJobInstanceId()),
                name);
    }

    @Bean
    public Step renderWorkerStep(JobRepository jobRepository, PlatformTransactionManager tm, JobSettings settings,
                                 SequencePagingReader<Candidate> pendingLetterReader, LetterProcessor letterProcessor,
                                 LetterFileWriter letterFileWriter) {
        return new StepBuilder("renderWorker", jobRepository)
                .<Candidate, PendingLetter>chunk(settings.renderChunkSize())
                .transactionManager(tm)
                .reader(pendingLetterReader)
                .processor(letterProcessor)
                .writer(letterFileWriter)
                .listener(letterFileWriter)
                .build();
    }

    @Bean
    @StepScope
    public SequencePagingReader<Candidate> pendingLetterReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                                               DataSource dataSource) {
        // The worker's letters not yet recorded (a restart skips those written before a crash).
        return sequenceReader(stepExecution, dataSource, "SEQUENCE_KEY, " + RunStore.CANDIDATE_COLUMNS,
                "EN_CANDIDATE", "NOT EXISTS (SELECT 1 FROM EN_LETTER L WHERE L.LETTER_KEY = EN_CANDIDATE.SEQUENCE_KEY)",
                RunStore.CANDIDATE_MAPPER);
    }

    /**
     * A reader of a worker's range of the mailing order: the sequence numbers in its step execution context (see
     * {@link SequencePartitioner}) as sequence keys, a range the database reads from the key's own index (see
     * notices-schema.sql). A dry run draws and checks nothing: its readers read no row.
     */
    private static <T> SequencePagingReader<T> sequenceReader(StepExecution stepExecution, DataSource dataSource,
                                                              String select, String from, String conditions,
                                                              RowMapper<T> mapper) {
        long instanceId = stepExecution.getJobExecution().getJobInstanceId();
        ExecutionContext range = stepExecution.getExecutionContext();
        long first = RunStore.sequenceKey(instanceId, range.getInt(SequencePartitioner.FROM, 1));
        long last = RunRequest.of(stepExecution.getJobParameters()).dryRun() ? first - 1
                : RunStore.sequenceKey(instanceId, range.getInt(SequencePartitioner.TO, Integer.MAX_VALUE));
        return new SequencePagingReader<>(dataSource, select, from, "SEQUENCE_KEY", conditions, first, last,
                READER_PAGE, mapper);
    }

    @Bean
    @StepScope
    public LetterProcessor letterProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
                                           JobSettings settings, LetterRendering rendering) {
        RunRequest request = RunRequest.of(stepExecution.getJobParameters());
        return new LetterProcessor(settings.calculator(), rendering.renderer(), rendering.digest(),
                request.runDate(), request.runFolder());
    }

    @Bean
    @StepScope
    public LetterFileWriter letterFileWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store,
                                             JobSettings settings) {
        RunRequest request = RunRequest.of(stepExecution.getJobParameters());
        ExecutionContext range = stepExecution.getExecutionContext();
        int letters = range.getInt(SequencePartitioner.TO, 0) - range.getInt(SequencePartitioner.FROM, 1) + 1;
        return new LetterFileWriter(store, request.runFolder(), request.runDate(), settings.pausePoint(),
                new ProgressReporter(stepExecution.getStepName().replaceFirst("^renderWorker:", ""), "letters",
                        () -> letters,
                        settings.progressInterval()));
    }

    @Bean
    public Step bundleStep(JobRepository jobRepository, PlatformTransactionManager tm, BundleTasklet bundleTasklet) {
        return new StepBuilder("bundle", jobRepository).tasklet(bundleTasklet, tm).build();
    }

    @Bean
    @StepScope
    public BundleTasklet bundleTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store,
                                       JobSettings settings) {
        return new BundleTasklet(store, RunRequest.of(stepExecution.getJobParameters()), settings.bundleSize(),
                settings.pausePoint(), settings.renderThreads());
    }

    /**
     * Every letter re-opened and checked against its record before anything says the run is complete, by
     * {@code notices.render-threads} workers, each on a range of the mailing sequence (re-reading a PDF costs a good
     * part of drawing it). Each worker reads, checks and writes on its own thread: no worker waits for the others
     * between chunks.
     */
    @Bean
    public Step verifyStep(JobRepository jobRepository, Step verifyWorkerStep, SequencePartitioner verifyPartitioner,
                           JobSettings settings) {
        return new StepBuilder("verify", jobRepository)
                .partitioner("verifyWorker", verifyPartitioner)
                .step(verifyWorkerStep)
                .gridSize(settings.renderThreads())
                .taskExecutor(threads("verify-", settings))
                .build();
    }

    @Bean
    public Step verifyWorkerStep(JobRepository jobRepository, PlatformTransactionManager tm, JobSettings settings,
                                 SequencePagingReader<LetterVerifier.RecordedLetter> recordedLetterReader,
                                 LetterVerification letterVerification, VerificationWriter verificationWriter) {
        return new StepBuilder("verifyWorker", jobRepository)
                .<LetterVerifier.RecordedLetter, VerificationWriter.Finding>chunk(settings.chunkSize())
                .transactionManager(tm)
                .reader(recordedLetterReader)
                .processor(letterVerification)
                .writer(verificationWriter)
                .build();
    }

    @Bean
    @StepScope
    public SequencePagingReader<LetterVerifier.RecordedLetter> recordedLetterReader(
            @Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource) {
        // The worker's letters, recorded. A letter checked is cleared of personal data (VerificationWriter): a
        // restarted check goes on with the letters not yet checked.
        return sequenceReader(stepExecution, dataSource, "SEQUENCE_KEY, " + RunStore.CANDIDATE_COLUMNS
                        + ", LETTER_FILE, PAGES, SHA256, CUSTOMER_BARCODE",
                "EN_CANDIDATE JOIN EN_LETTER ON LETTER_KEY = SEQUENCE_KEY", "NAME IS NOT NULL",
                (rs, n) -> new LetterVerifier.RecordedLetter(RunStore.CANDIDATE_MAPPER.mapRow(rs, n),
                        rs.getString("LETTER_FILE"), rs.getInt("PAGES"), rs.getString("SHA256"),
                        rs.getString("CUSTOMER_BARCODE")));
    }

    @Bean
    @StepScope
    public LetterVerification letterVerification(@Value("#{stepExecution}") StepExecution stepExecution,
                                                 JobSettings settings, LetterRendering rendering) {
        RunRequest request = RunRequest.of(stepExecution.getJobParameters());
        return new LetterVerification(new LetterVerifier(settings.calculator(), request.runDate(),
                rendering.settings().barcode().pointSize(), rendering.digest()), request.runFolder(),
                LogCapture.current().map(capture -> new PersonalDataScan(capture.text(), request.runDate())));
    }

    @Bean
    @StepScope
    public VerificationWriter verificationWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                 RunStore store) {
        return new VerificationWriter(store, stepExecution.getJobExecution().getJobInstanceId());
    }

    @Bean
    public Step reportStep(JobRepository jobRepository, PlatformTransactionManager tm, ReportTasklet reportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(reportTasklet, tm).build();
    }

    @Bean
    @StepScope
    public ReportTasklet reportTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store,
                                       JobSettings settings, LetterRendering rendering) {
        return new ReportTasklet(store, RunRequest.of(stepExecution.getJobParameters()), settings,
                rendering::writeSummaryPdf);
    }
}
