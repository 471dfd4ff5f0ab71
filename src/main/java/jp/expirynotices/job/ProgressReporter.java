package jp.expirynotices.job;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A progress line every few seconds on long runs (step, done/total, rate, ETA), and one line when the step ends.
 * Counts only: no personal data.
 */
public class ProgressReporter implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final String step;
    private final String unit;
    private final LongSupplier total;
    private final long intervalNanos;
    private long startNanos;
    private long lastNanos;
    private long done;

    /** @param total items the step will handle, or a supplier of -1 when unknown (read as the file goes) */
    public ProgressReporter(String step, String unit, LongSupplier total, Duration interval) {
        this.step = step;
        this.unit = unit;
        this.total = total;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        done = 0;
    }

    /** Called by the step's writer after each chunk. */
    public void advance(long items) {
        done += items;
        long now = System.nanoTime();
        if (now - lastNanos >= intervalNanos) {
            lastNanos = now;
            log.info(line(now));
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        long all = total.getAsLong();
        StringBuilder sb = new StringBuilder(step).append(": ").append(done);
        if (all >= 0) {
            sb.append('/').append(all);
        }
        sb.append(' ').append(unit).append(String.format(" (%.0f/s", rate));
        if (all > done && rate > 0) {
            sb.append(String.format(", ETA %.0f s", (all - done) / rate));
        }
        return sb.append(')').toString();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info("{} {}", line(System.nanoTime()), stepExecution.getStatus().name().toLowerCase());
        return stepExecution.getExitStatus();
    }
}
