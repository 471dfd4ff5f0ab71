package jp.expirynotices.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;


/**
 * Reads and screens the registry's rows on a thread of its own, a few batches ahead of the step's thread, which
 * meanwhile stages the previous chunk in the database: on two cores the select step then reads a million rows in
 * about the time the slower half takes instead of the sum of both.
 *
 * <p>Rows come out in batches, in file order, exactly as reading and screening them on the step's thread would give
 * them; a failure of the reader (an unusable file) is thrown by {@link #next()} after the rows before it. Holds at most {@code depth} batches: memory does not grow with the file. Not restartable by itself: the
 * select step starts again from the first row after a failure.
 */
final class ScreeningReadAhead implements SelectionWriter.Source, AutoCloseable {

    private static final List<Screening> END = List.of();

    private final SelectionWriter.Source file;
    private final Supplier<Screening> rows;
    private final int batch;
    private final BlockingQueue<Object> queue;
    private Thread producer;
    private volatile boolean exhausted;

    /**
     * @param file  the registry being read (its reader must be open before {@link #start})
     * @param rows  the next row of the file, screened; null after the last (called on the reading thread only)
     */
    ScreeningReadAhead(SelectionWriter.Source file, Supplier<Screening> rows, int batch, int depth) {
        this.file = file;
        this.rows = rows;
        this.batch = batch;
        this.queue = new ArrayBlockingQueue<>(depth);
    }

    /** Starts reading; the reader must be open. */
    void start() {
        producer = Thread.ofPlatform().name("select-read").daemon().start(this::produce);
    }

    private void produce() {
        try {
            while (true) {
                List<Screening> items = new ArrayList<>(batch);
                Screening row = null;
                Failure failure = null;
                try {
                    while (items.size() < batch && (row = rows.get()) != null) {
                        items.add(row);
                    }
                } catch (RuntimeException | Error e) {
                    failure = new Failure(e);
                }
                if (!items.isEmpty()) {
                    queue.put(items);   // the rows before a failure first
                }
                if (failure != null) {
                    queue.put(failure);
                    return;
                }
                if (row == null) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(Throwable cause) {
    }

    /** The next batch of screened rows in file order (never empty), or null after the last. */
    List<Screening> next() {
        if (exhausted) {
            return null;
        }
        Object taken;
        try {
            taken = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the registry", e);
        }
        if (taken instanceof Failure failure) {
            exhausted = true;
            if (failure.cause() instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure.cause();
        }
        @SuppressWarnings("unchecked")
        List<Screening> items = (List<Screening>) taken;
        if (items == END) {
            exhausted = true;
            return null;
        }
        return items;
    }

    @Override
    public Path input() {
        return file.input();
    }

    /** True once the step's thread was given the end of the file: the chunk being written is the last. */
    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long blankLines() {
        return file.blankLines();
    }

    /** Stops the reading thread (a failed step stops early) and waits for it; the file's reader stays open. */
    @Override
    public void close() {
        if (producer == null) {
            return;
        }
        producer.interrupt();
        queue.clear();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer = null;
    }
}
