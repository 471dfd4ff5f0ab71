package jp.expirynotices.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For crash tests only ({@code notices.debug.pause-at=STEP:N}): the step stops for good after its N-th chunk (or
 * bundle), before that chunk commits, and says so on the log, so that a test can kill the process at a known point.
 * Off by default.
 */
public final class PausePoint {

    public static final String MARKER = "PAUSED at ";
    private static final Logger log = LoggerFactory.getLogger(PausePoint.class);

    private final String step;
    private final long count;

    private PausePoint(String step, long count) {
        this.step = step;
        this.count = count;
    }

    public static PausePoint parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new PausePoint("", -1);
        }
        int colon = setting.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("notices.debug.pause-at must be STEP:N, e.g. render:3");
        }
        return new PausePoint(setting.substring(0, colon), Long.parseLong(setting.substring(colon + 1)));
    }

    /** Blocks forever when {@code step} has reached its {@code n}-th chunk and this is the configured point. */
    public void reached(String step, long n) {
        if (this.step.equals(step) && count == n) {
            log.warn("{}{}:{}", MARKER, step, n);
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("pause interrupted", e);
            }
        }
    }
}
