package jp.expirynotices.job;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.expirynotices.mailing.BundleWriter;
import jp.expirynotices.mailing.PrintBundle;
import jp.expirynotices.report.CsvTable;
import jp.expirynotices.report.OutputFiles;

/**
 * Merges the night's letters, in mailing order, into {@code print/bundle-NNNN.pdf}: a few bundles per call and per
 * transaction, written side by side (one per thread, {@code notices.render-threads}), their letters read from the
 * database by sequence range, so that memory does not grow with the night's letters. Rebuilt whole on a restart:
 * the letters on disk are the source, and each bundle is written atomically.
 */
public class BundleTasklet implements Tasklet {

    public static final String PRINT = "print";
    public static final String INDEX = "bundles.csv";
    public static final List<String> INDEX_HEADER = List.of("bundle_file", "first_page", "pages", "sequence",
            "resident_id");
    private static final Logger log = LoggerFactory.getLogger(BundleTasklet.class);

    private final RunStore store;
    private final RunRequest request;
    private final int bundleSize;
    private final PausePoint pausePoint;
    private final int threads;
    /** Bundles per thread and call (and transaction): enough that a round's slowest bundle costs little. */
    private static final int BUNDLES_PER_THREAD = 4;
    /** Letters of the night (selected residents, numbered 1..letters); -1 until the first call. */
    private long letters = -1;
    private int nextBundle = 1;

    public BundleTasklet(RunStore store, RunRequest request, int bundleSize, PausePoint pausePoint, int threads) {
        this.store = store;
        this.request = request;
        this.bundleSize = bundleSize;
        this.pausePoint = pausePoint;
        this.threads = Math.max(1, threads);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (request.dryRun()) {
            return RepeatStatus.FINISHED;
        }
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        if (letters < 0) {
            letters = store.countSelected(instanceId);
        }
        if (letters == 0) {
            return RepeatStatus.FINISHED;
        }
        Path folder = request.runFolder();
        Path print = OutputFiles.directory(folder.resolve(PRINT));
        try {
            List<Integer> numbers = new ArrayList<>();
            for (int number = nextBundle; numbers.size() < threads * BUNDLES_PER_THREAD
                    && (long) (number - 1) * bundleSize < letters; number++) {
                numbers.add(number);
            }
            if (!numbers.isEmpty()) {
                write(instanceId, folder, print, numbers, number -> {
                    contribution.incrementWriteCount(1);
                    nextBundle = number + 1;
                    pausePoint.reached("bundle", number);
                });
                return RepeatStatus.CONTINUABLE;
            }
            int bundles = nextBundle - 1;
            removeStaleBundles(print, bundles);
            // Where each letter sits in the bundles, so the mailing team can reprint one letter from a bundle.
            CsvTable.write(print.resolve(INDEX), INDEX_HEADER, sink -> store.manifest(instanceId, m -> sink.accept(
                    List.of(m.bundleFile(), Integer.toString(m.bundleFirstPage()), Integer.toString(m.pages()),
                            Integer.toString(m.sequence()), m.residentId()))));
            log.info("bundles: {} letters in {} bundles", letters, bundles);
            return RepeatStatus.FINISHED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write print bundles in " + print, e);
        }
    }

    /** A bundle to write: its number and its letters, in mailing order. */
    private record Planned(int number, List<Path> files, int[] sequences) {
    }

    private Planned plan(long instanceId, Path folder, int number, int from, int to) {
        List<Path> files = new ArrayList<>(to - from + 1);
        int[] sequences = new int[to - from + 1];
        store.letterFiles(instanceId, from, to, (sequence, file) -> {
            if (files.size() < sequences.length) {
                sequences[files.size()] = sequence;
            }
            files.add(folder.resolve(file));
        });
        if (files.size() != sequences.length) {
            throw new IllegalStateException("letters " + from + "-" + to + " of the mailing order are not all recorded");
        }
        return new Planned(number, files, sequences);
    }

    /**
     * Plans and writes these bundles on {@code threads} threads, and records each, in order, as soon as it is
     * written, while the threads go on with the next: no thread waits for the slowest bundle of a round or for the
     * database.
     */
    private void write(long instanceId, Path folder, Path print, List<Integer> numbers, IntConsumer recorded)
            throws IOException {
        List<Future<Written>> futures = new ArrayList<>(numbers.size());
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, numbers.size()));
        try {
            for (int number : numbers) {
                futures.add(executor.submit(() -> {
                    long from = (long) (number - 1) * bundleSize + 1;
                    Planned planned = plan(instanceId, folder, number, (int) from,
                            (int) Math.min(letters, from + bundleSize - 1));
                    return new Written(planned, new BundleWriter(bundleSize).writeBundle(planned.files(), print,
                            number));
                }));
            }
            for (var future : futures) {
                Written written = future.get();
                record(instanceId, written.planned(), written.bundle());
                recorded.accept(written.planned().number());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing print bundles");
        } finally {
            executor.shutdownNow();
            executor.close();
        }
    }

    private record Written(Planned planned, PrintBundle bundle) {
    }

    private void record(long instanceId, Planned planned, PrintBundle bundle) {
        int[] firstPages = new int[bundle.letters().size()];
        for (int i = 0; i < firstPages.length; i++) {
            firstPages[i] = bundle.letters().get(i).firstPage();
        }
        store.recordBundle(instanceId, PRINT + "/" + bundle.fileName(), planned.sequences(), firstPages);
    }

    /** Bundles numbered past tonight's count are left from an earlier attempt with other letters. */
    private static void removeStaleBundles(Path print, int count) throws IOException {
        try (var files = Files.list(print)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("bundle-\\d{4,}\\.pdf") && Integer.parseInt(name.substring(7, name.length() - 4)) > count) {
                    Files.delete(p);
                }
            }
        }
    }
}
