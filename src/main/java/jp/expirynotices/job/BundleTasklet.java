package jp.expirynotices.job;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
            List<Planned> planned = new ArrayList<>(threads);
            for (int k = 0; k < threads; k++) {
                int number = nextBundle + k;
                long from = (long) (number - 1) * bundleSize + 1;
                if (from <= letters) {
                    planned.add(plan(instanceId, folder, number, (int) from,
                            (int) Math.min(letters, from + bundleSize - 1)));
                }
            }
            if (!planned.isEmpty()) {
                List<PrintBundle> written = write(planned, print);
                for (int i = 0; i < planned.size(); i++) {
                    record(instanceId, planned.get(i), written.get(i));
                }
                for (int i = 0; i < planned.size(); i++) {
                    contribution.incrementWriteCount(1);
                    pausePoint.reached("bundle", nextBundle++);
                }
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
        store.manifest(instanceId, from, to, row -> {
            if (row.letterFile() != null) {
                sequences[files.size()] = row.sequence();
                files.add(folder.resolve(row.letterFile()));
            }
        });
        if (files.size() != sequences.length) {
            throw new IllegalStateException("letters " + from + "-" + to + " of the mailing order are not all recorded");
        }
        return new Planned(number, files, sequences);
    }

    /** Writes the planned bundles side by side; returns them in the same order. */
    private List<PrintBundle> write(List<Planned> planned, Path print) throws IOException {
        if (planned.size() == 1) {
            return List.of(new BundleWriter(bundleSize).writeBundle(planned.getFirst().files(), print,
                    planned.getFirst().number()));
        }
        List<Future<PrintBundle>> futures = new ArrayList<>(planned.size());
        try (var executor = Executors.newFixedThreadPool(planned.size())) {
            for (Planned p : planned) {
                futures.add(executor.submit(() -> new BundleWriter(bundleSize).writeBundle(p.files(), print,
                        p.number())));
            }
        }
        List<PrintBundle> written = new ArrayList<>(planned.size());
        for (var future : futures) {
            try {
                written.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing print bundles");
            }
        }
        return written;
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
