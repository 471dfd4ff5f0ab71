package jp.expirynotices.mailing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.expirynotices.report.OutputFiles;

/**
 * Merges single-letter PDFs, in mailing order, into print bundles {@code bundle-0001.pdf}, {@code
 * bundle-0002.pdf}, … of at most N letters each. A letter with an odd page count is followed by a blank page so
 * that every letter starts on an odd page: in duplex printing no sheet then carries two residents' pages.
 */
public final class BundleWriter {

    public static final int DEFAULT_MAX_LETTERS = 500;

    private final int maxLettersPerBundle;

    public BundleWriter() {
        this(DEFAULT_MAX_LETTERS);
    }

    public BundleWriter(int maxLettersPerBundle) {
        if (maxLettersPerBundle < 1) {
            throw new IllegalArgumentException("maxLettersPerBundle must be at least 1: " + maxLettersPerBundle);
        }
        this.maxLettersPerBundle = maxLettersPerBundle;
    }

    public int maxLettersPerBundle() {
        return maxLettersPerBundle;
    }

    /** The name of the {@code index}-th bundle (1-based). */
    public static String bundleFileName(int index) {
        return String.format("bundle-%04d.pdf", index);
    }

    /**
     * Writes the bundles into {@code targetDirectory} (created if missing), replacing bundles of the same names.
     * No bundles for an empty list.
     */
    public BundleResult write(List<Path> letters, Path targetDirectory) throws IOException {
        return write(letters, targetDirectory, bundle -> { });
    }

    /** As {@link #write(List, Path)}, telling {@code afterEach} about each bundle once it is in place. */
    public BundleResult write(List<Path> letters, Path targetDirectory,
                              Consumer<PrintBundle> afterEach) throws IOException {
        Files.createDirectories(targetDirectory);
        List<PrintBundle> bundles = new ArrayList<>();
        List<BundledLetter> placed = new ArrayList<>(letters.size());
        for (int from = 0; from < letters.size(); from += maxLettersPerBundle) {
            List<Path> chunk = letters.subList(from, Math.min(from + maxLettersPerBundle, letters.size()));
            PrintBundle bundle = writeBundle(chunk, targetDirectory, bundleFileName(bundles.size() + 1));
            bundles.add(bundle);
            placed.addAll(bundle.letters());
            afterEach.accept(bundle);
        }
        return new BundleResult(bundles, placed);
    }

    /**
     * Writes the {@code index}-th bundle (1-based) of these letters into {@code targetDirectory}: for callers that
     * stream the letters a bundle at a time instead of listing them all. At most the configured number of letters.
     */
    public PrintBundle writeBundle(List<Path> letters, Path targetDirectory, int index) throws IOException {
        if (letters.size() > maxLettersPerBundle) {
            throw new IllegalArgumentException(letters.size() + " letters, more than " + maxLettersPerBundle
                    + " per bundle");
        }
        Files.createDirectories(targetDirectory);
        return writeBundle(letters, targetDirectory, bundleFileName(index));
    }

    private static PrintBundle writeBundle(List<Path> letters, Path dir, String name) throws IOException {
        // Written beside the final file and renamed atomically: the print shop never sees a half-written bundle,
        // and a crash leaves at most a dot-file that the next run overwrites.
        List<BundledLetter> placed = new ArrayList<>(letters.size());
        int[] pages = {0};
        try {
            OutputFiles.write(dir.resolve(name), out -> {
                // Every letter embeds the same ready-made shared font subsets (letter/SharedGlyphs): the bundle
                // holds them once, not once per letter (about 100 KB each).
                BundlePdf bundle = new BundlePdf(out);
                for (Path letter : letters) {
                    pages[0] += copyLetter(bundle, letter, name, pages[0] + 1, placed);
                }
                bundle.finish();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new PrintBundle(name, placed, pages[0]);
    }

    /** Appends one letter (and a blank back page after an odd page count); returns the pages added. */
    private static int copyLetter(BundlePdf bundle, Path letter, String bundleName, int firstPage,
                                  List<BundledLetter> placed) throws IOException {
        int count = bundle.append(Files.readAllBytes(letter), letter.getFileName().toString());
        if (count < 1) {
            throw new IOException("letter has no pages: " + letter.getFileName());
        }
        placed.add(new BundledLetter(letter, bundleName, firstPage, count));
        if (count % 2 == 1) {
            bundle.appendBlankPage();
            return count + 1;
        }
        return count;
    }
}
