package jp.expirynotices.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.LeapDayPolicy;

/**
 * Operator settings of the job itself ({@code notices.*} in job-config/application.yml).
 *
 * @param input         registry CSV when {@code --input} is not given
 * @param outputDir     output root when {@code --output-dir} is not given
 * @param encoding      registry charset when {@code --encoding} is not given
 * @param windowMonths  renewal window length (3 today; configurable for the next-generation card)
 * @param leapDayPolicy where a 29 February birthday falls in common years
 * @param chunkSize     items per transaction (letters; the select step takes {@link #selectBatchesPerChunk} ×
 *                      chunk-size rows, the sequence step loads {@value #SEQUENCE_PAGES_PER_CHUNK} × chunk-size
 *                      residents)
 * @param bundleSize    letters per print bundle
 * @param maxRejects    rejected rows tolerated before the run fails; -1 = no limit (a file where every row is
 *                      rejected fails all the same)
 * @param progressInterval how often long steps log a progress line
 * @param renderThreads letters drawn in parallel (partitions of the render step); 0 = one per processor
 * @param debugPauseAt  crash tests only ({@code notices.debug-pause-at=STEP:N}, see {@link PausePoint})
 */
@ConfigurationProperties(prefix = "notices")
public record JobSettings(
        @DefaultValue("input-samples/registry.csv") String input,
        @DefaultValue("out") String outputDir,
        @DefaultValue("UTF-8") String encoding,
        @DefaultValue("3") int windowMonths,
        @DefaultValue("FEB_28") LeapDayPolicy leapDayPolicy,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("500") int bundleSize,
        @DefaultValue("-1") long maxRejects,
        @DefaultValue("5s") java.time.Duration progressInterval,
        @DefaultValue("0") int renderThreads,
        @DefaultValue("") String debugPauseAt) {

    public JobSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("notices.chunk-size must be at least 1");
        }
        if (renderThreads <= 0) {
            renderThreads = Runtime.getRuntime().availableProcessors();
        }
        if (bundleSize < 1) {
            throw new IllegalArgumentException("notices.bundle-size must be at least 1");
        }
    }

    /**
     * Batches of chunk-size registry rows per select-step transaction (a row costs far less than a letter): 32, so
     * 16 000 rows at the default chunk-size, and fewer for a larger chunk-size, so that a transaction never holds
     * more than {@value #MAX_SELECT_ROWS_PER_CHUNK} rows' due residents in memory. The select step's item is a batch,
     * not a row: Spring Batch's own work per item, done for a million rows, was a good part of the step's thread. Each
     * transaction also updates the step's execution and context in the job repository (statements the database
     * compiles again each time) and looks the ledger up once: 16 batches measured ~5-10 % faster than 4 on a million
     * rows; 32 halve those updates again, a gain within the noise of the benchmark's machine (the step starts again
     * from the first row after a failure anyway).
     */
    public int selectBatchesPerChunk() {
        return Math.max(1, Math.min(MAX_SELECT_BATCHES_PER_CHUNK, MAX_SELECT_ROWS_PER_CHUNK / chunkSize));
    }

    static final int MAX_SELECT_BATCHES_PER_CHUNK = 32;
    static final int MAX_SELECT_ROWS_PER_CHUNK = 16_000;

    /** Chunk-sizes of residents the sequence step inserts per transaction (2 000 at the default chunk-size). */
    public static final int SEQUENCE_PAGES_PER_CHUNK = 4;

    public int sequencePage() {
        return chunkSize * SEQUENCE_PAGES_PER_CHUNK;
    }

    /**
     * Letters per render-worker transaction: chunk-size, at most {@value #MAX_RENDER_CHUNK}. A chunk's letters wait
     * on disk under temporary names and are forced to disk together at its end: larger chunks measured slower (20 000
     * letters: render 20.1 s at 50, 21.3 s at 200), and a crash redraws at most a chunk per worker.
     */
    public int renderChunkSize() {
        return Math.min(chunkSize, MAX_RENDER_CHUNK);
    }

    public static final int MAX_RENDER_CHUNK = 50;

    public PausePoint pausePoint() {
        return PausePoint.parse(debugPauseAt);
    }

    public ExpiryCalculator calculator() {
        return new ExpiryCalculator(leapDayPolicy, windowMonths);
    }
}
