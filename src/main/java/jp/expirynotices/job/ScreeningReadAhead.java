package jp.expirynotices.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;


/**
 * Reads and screens the registry's rows a few batches ahead of the step's thread, in two stages of a thread each:
 * {@code select-read} reads the rows (and does what must see them in file order: repeated ids), {@code
 * select-screen} screens them (validation and the expiry rules, row by row on its own). With the step's thread
 * applying the ledger and staging, the three share the cores: a million rows take about the time of the slowest
 * stage, not the sum of all.
 *
 * <p>Rows come out in batches, in file order, exactly as reading and screening them on the step's thread would give
 * them; a failure of either stage (an unusable file) is thrown by {@link #next()} after the rows before it. Each
 * stage holds at most {@code depth} batches: memory does not grow with the file. Not restartable by itself: the
 * select step starts again from the first row after a failure.
 *
 * @param <R> a row as read, before screening
 */
final class ScreeningReadAhead<R> implements SelectionWriter.Source, AutoCloseable {

    private static final List<Screening> END = List.of();
    private static final List<Object> RAW_END = List.of();

    private final SelectionWriter.Source file;
    private final Supplier<R> rows;
    private final Function<R, Screening> screen;
    private final int batch;
    private final BlockingQueue<Object> read;
    private final BlockingQueue<Object> screened;
    private final List<Thread> threads = new ArrayList<>(2);
    private volatile boolean exhausted;

    /**
     * @param file   the registry being read (its reader must be open before {@link #start})
     * @param rows   the next row of the file; null after the last (called on the reading thread only, in order)
     * @param screen a row's screening (called on the screening thread, in file order)
     */
    ScreeningReadAhead(SelectionWriter.Source file, Supplier<R> rows, Function<R, Screening> screen, int batch,
                       int depth) {
        this.file = file;
        this.rows = rows;
        this.screen = screen;
        this.batch = batch;
        this.read = new ArrayBlockingQueue<>(depth);
        this.screened = new ArrayBlockingQueue<>(depth);
    }

    /** Starts reading; the reader must be open. */
    void start() {
        threads.add(Thread.ofPlatform().name("select-read").daemon().start(this::read));
        threads.add(Thread.ofPlatform().name("select-screen").daemon().start(this::screen));
    }

    private void read() {
        try {
            while (true) {
                List<Object> items = new ArrayList<>(batch);
                R row = null;
                Failure failure = null;
                try {
                    while (items.size() < batch && (row = rows.get()) != null) {
                        items.add(row);
                    }
                } catch (RuntimeException | Error e) {
                    failure = new Failure(e);
                }
                if (!items.isEmpty()) {
                    read.put(items);   // the rows before a failure first
                }
                if (failure != null) {
                    read.put(failure);
                    return;
                }
                if (row == null) {
                    read.put(RAW_END);
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void screen() {
        try {
            while (true) {
                Object taken = read.take();
                if (taken == RAW_END || taken instanceof Failure) {
                    screened.put(taken == RAW_END ? END : taken);
                    return;
                }
                @SuppressWarnings("unchecked")
                List<R> rowsRead = (List<R>) taken;
                List<Screening> items = new ArrayList<>(rowsRead.size());
                try {
                    for (R row : rowsRead) {
                        items.add(screen.apply(row));
                    }
                } catch (RuntimeException | Error e) {
                    if (!items.isEmpty()) {
                        screened.put(items);
                    }
                    screened.put(new Failure(e));
                    return;
                }
                screened.put(items);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(Throwable cause) {
    }

    /**
     * The next batch of screened rows in file order; after the last, one empty batch (the end: the chunk that holds
     * it knows it is the last, see {@link #exhausted()}), then null.
     */
    List<Screening> next() {
        if (exhausted) {
            return null;
        }
        Object taken;
        try {
            taken = screened.take();
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

    /** Stops both threads (a failed step stops early) and waits for them; the file's reader stays open. */
    @Override
    public void close() {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        read.clear();
        screened.clear();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
