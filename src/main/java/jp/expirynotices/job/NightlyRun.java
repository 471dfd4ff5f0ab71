package jp.expirynotices.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import jp.expirynotices.letter.FontUnavailableException;
import jp.expirynotices.letter.LetterSettings;
import jp.expirynotices.report.EnvelopeCalibrationSheet;
import jp.expirynotices.registry.RegistryInputException;
import jp.expirynotices.registry.RegistryReader;
import jp.expirynotices.report.OutputFiles;

/**
 * The one command: checks the options and the input, takes the run date's lock, recovers an execution a crash left
 * behind, runs (or restarts) the job, and turns the outcome into the exit code of interfaces.md §4.
 */
@Component
public class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int UNUSABLE = 2;
    static final String LOCK_FILE = ".lock";
    /** 長形3号 window envelope (domain.md §4.1) and how far a letter may shift inside it. */
    static final double WINDOW_WIDTH_MM = 90;
    static final double WINDOW_HEIGHT_MM = 45;
    static final double WINDOW_PLAY_MM = 5;
    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final JobSettings settings;
    private final LetterRendering rendering;
    private int exitCode = FAILED;

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job job, JobSettings settings,
                      LetterRendering rendering, NoticeSchema schema) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.settings = settings;
        this.rendering = rendering;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            RunRequest request = CommandLineOptions.parse(args, settings, LocalDate.now(CommandLineOptions.TOKYO));
            List<String> calibration = args.getOptionValues("envelope-calibration");
            if (calibration != null) {
                exitCode = writeCalibrationSheet(calibration);
                return;
            }
            exitCode = run(request);
        } catch (UsageException | RegistryInputException | FontUnavailableException e) {
            fail(UNUSABLE, e.getMessage());
        } catch (RuntimeException e) {
            log.error("run failed", e);
            fail(FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code --envelope-calibration[=PATH]}: one A4 sheet to test-fold with the envelopes bought; no run. */
    private int writeCalibrationSheet(List<String> values) {
        Path target = Path.of(values.isEmpty() || values.get(0).isBlank() ? "envelope-calibration.pdf"
                : values.get(0));
        LetterSettings.AddressBlock block = rendering.settings().addressBlock();
        new EnvelopeCalibrationSheet(rendering.fonts()).write(target, block.xMm(), block.yMm(), block.maxWidthMm(),
                block.maxHeightMm(), WINDOW_WIDTH_MM, WINDOW_HEIGHT_MM, WINDOW_PLAY_MM,
                rendering.settings().barcode().pointSize());
        log.info("envelope calibration sheet written to {}", target.toAbsolutePath());
        return OK;
    }

    private int run(RunRequest request) {
        preflight(request);
        Path folder = OutputFiles.directory(request.runFolder());
        try (FileChannel channel = openLockFile(folder.resolve(LOCK_FILE))) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return fail(FAILED, "another run for " + request.runDate() + " is in progress (lock "
                        + folder.resolve(LOCK_FILE) + "); not started");
            }
            try (lock) {
                int code = launch(request);
                if (code == UNUSABLE) {
                    discardIfEmpty(folder);
                }
                return code;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + folder.resolve(LOCK_FILE), e);
        }
    }

    /** The run date's lock file, created 0640 like every file of the run folder (where permissions are POSIX). */
    private static FileChannel openLockFile(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-r-----")));
        }
        return FileChannel.open(lockFile, options);
    }

    /**
     * A run refused for its input (found part-way through the select step) leaves no output folder behind: one that
     * holds nothing but the lock file is removed, while the lock is still held.
     */
    private static void discardIfEmpty(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            if (files.allMatch(p -> p.getFileName().toString().equals(LOCK_FILE))) {
                Files.deleteIfExists(folder.resolve(LOCK_FILE));
                Files.delete(folder);
            }
        } catch (IOException e) {
            log.debug("run folder {} left in place: {}", folder, e.toString());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Everything that makes the run unusable is found before anything is written. */
    private void preflight(RunRequest request) {
        try (RegistryReader reader = RegistryReader.open(request.input(), request.encoding(), true)) {
            List<String> unknown = reader.header().unknownColumns();
            if (!unknown.isEmpty()) {
                log.warn("{}: ignoring unknown column(s): {}", request.input(), String.join(", ", unknown));
            }
        }
        rendering.fonts();
        if (!request.dryRun()) {
            try {
                // Builds the shared font subsets and lays out a probe letter of each kind: configured texts that
                // the font cannot draw or that do not fit the page stop the run here, before anything is written.
                rendering.renderer();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException("the letter settings (notices.letter.*, job-config/letter.yml) cannot be "
                        + "used: " + e.getMessage());
            }
        }
    }

    private int launch(RunRequest request) {
        JobParameters parameters = request.toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(NoticeJobConfiguration.JOB_NAME, parameters);
        String what = "run " + request.runDate() + (request.dryRun() ? " (dry run)" : "");
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("{} already completed on {}: nothing to do (output in {})", what, last.getEndTime(),
                    request.runFolder());
            return OK;
        }
        if (request.dryRun() && ReportTasklet.completed(request.runFolder())) {
            log.info("{}: the run date is already complete in {}; a dry run would overwrite its reports, skipped",
                    what, request.runFolder());
            return OK;
        }
        if (last != null && last.getStatus().isRunning()) {
            // We hold the run date's lock, so nobody runs it: the process that did was killed.
            jobOperator.recover(last);
            log.warn("{}: execution {} was left {} by a crash; recovered, restarting where it stopped", what,
                    last.getId(), last.getStatus());
        } else if (last != null) {
            log.info("{}: restarting execution {} that ended {}", what, last.getId(), last.getStatus());
        }
        try {
            JobExecution execution = jobOperator.start(job, parameters);
            return outcome(what, execution);
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("{} already completed: nothing to do", what);
            return OK;
        } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException
                 | org.springframework.batch.core.launch.JobRestartException
                 | org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            return fail(FAILED, what + " cannot start: " + e.getMessage());
        }
    }

    private int outcome(String what, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return OK;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RegistryInputException || c instanceof FontUnavailableException) {
                    return fail(UNUSABLE, what + " stopped: " + c.getMessage());
                }
            }
        }
        String reason = execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getStatus().name());
        return fail(FAILED, what + " failed: " + reason + "; run the same command again to restart where it stopped");
    }

    private int fail(int code, String message) {
        log.error(message);
        exitCode = code;
        return code;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
