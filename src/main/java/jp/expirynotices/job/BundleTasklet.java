package jp.expirynotices.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.expirynotices.mailing.BundleResult;
import jp.expirynotices.mailing.BundleWriter;
import jp.expirynotices.mailing.BundledLetter;
import jp.expirynotices.report.CsvTable;
import jp.expirynotices.report.OutputFiles;

/**
 * Merges the night's letters, in mailing order, into {@code print/bundle-NNNN.pdf}. Rebuilt whole on a restart: the
 * letters on disk are the source, and each bundle is written atomically.
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

    public BundleTasklet(RunStore store, RunRequest request, int bundleSize, PausePoint pausePoint) {
        this.store = store;
        this.request = request;
        this.bundleSize = bundleSize;
        this.pausePoint = pausePoint;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (request.dryRun()) {
            return RepeatStatus.FINISHED;
        }
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        Path folder = request.runFolder();
        List<Path> letters = new ArrayList<>();
        Map<Path, String> residentByFile = new HashMap<>();
        for (ManifestRow row : store.manifest(instanceId)) {
            Path file = folder.resolve(row.letterFile());
            letters.add(file);
            residentByFile.put(file, row.residentId());
        }
        if (letters.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        try {
            Path print = OutputFiles.directory(folder.resolve(PRINT));
            int[] written = {0};
            BundleResult result = new BundleWriter(bundleSize)
                    .write(letters, print, bundle -> pausePoint.reached("bundle", ++written[0]));
            removeStaleBundles(print, result.bundles().size());
            List<List<String>> index = new ArrayList<>(result.letters().size());
            int sequence = 0;
            for (BundledLetter b : result.letters()) {
                String residentId = residentByFile.get(b.letter());
                store.recordBundle(instanceId, residentId, PRINT + "/" + b.bundleFile(), b.firstPage());
                index.add(List.of(PRINT + "/" + b.bundleFile(), Integer.toString(b.firstPage()),
                        Integer.toString(b.pageCount()), Integer.toString(++sequence), residentId));
            }
            // Where each letter sits in the bundles, so the mailing team can reprint one letter from a bundle.
            CsvTable.write(print.resolve(INDEX), INDEX_HEADER, index);
            contribution.incrementWriteCount(result.bundles().size());
            log.info("bundles: {} letters in {} bundles", letters.size(), result.bundles().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write print bundles in " + folder.resolve(PRINT), e);
        }
        return RepeatStatus.FINISHED;
    }

    /** Bundles numbered past tonight's count are left from an earlier attempt with other letters. */
    private static void removeStaleBundles(Path print, int count) throws IOException {
        try (var files = java.nio.file.Files.list(print)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("bundle-\\d{4,}\\.pdf") && Integer.parseInt(name.substring(7, name.length() - 4)) > count) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }
}
