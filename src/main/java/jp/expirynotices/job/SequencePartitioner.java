package jp.expirynotices.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the night's letters into contiguous ranges of mailing sequence, one per worker (the render step draws them,
 * the verify step checks them). Ranges only name sequence numbers, so a worker can run in this JVM (the default, one
 * thread each) or on another machine sharing the job database (remote partitioning) without a change here.
 */
public class SequencePartitioner implements Partitioner {

    public static final String FROM = "from";
    public static final String TO = "to";

    private final int letters;
    private final String name;

    /**
     * @param letters selected residents of the run, numbered 1..letters in mailing order
     * @param name    the partitions' name ({@code render} gives {@code render-001}, ...: in the log and the job
     *                database)
     */
    public SequencePartitioner(int letters, String name) {
        this.letters = letters;
        this.name = name;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int parts = Math.max(1, Math.min(gridSize, letters));
        int size = (letters + parts - 1) / Math.max(1, parts);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < parts; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FROM, i * size + 1);
            context.putInt(TO, Math.min(letters, (i + 1) * size));
            partitions.put(String.format("%s-%03d", name, i + 1), context);
        }
        return partitions;
    }
}
