package jp.expirynotices.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One night's run as the operator asked for it. The run date (and dry-run flag) identify the job instance; the
 * input, output and encoding do not, so the same command restarts a failed run.
 */
public record RunRequest(Path input, Path outputDir, LocalDate runDate, Charset encoding, boolean dryRun) {

    public static final String RUN_DATE = "run.date";
    public static final String DRY_RUN = "dry.run";
    public static final String INPUT = "input";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String ENCODING = "encoding";

    /** {@code <output-dir>/<run-date>/}: nothing is ever written outside it. */
    public Path runFolder() {
        return outputDir.resolve(runDate.toString());
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLocalDate(RUN_DATE, runDate, true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(INPUT, input.toString(), false)
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(ENCODING, encoding.name(), false)
                .toJobParameters();
    }

    public static RunRequest of(JobParameters parameters) {
        return new RunRequest(Path.of(parameters.getString(INPUT)), Path.of(parameters.getString(OUTPUT_DIR)),
                parameters.getLocalDate(RUN_DATE), Charset.forName(parameters.getString(ENCODING)),
                Boolean.parseBoolean(parameters.getString(DRY_RUN)));
    }
}
