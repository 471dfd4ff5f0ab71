package jp.expirynotices.mailing;

import java.nio.file.Path;

/**
 * Where one letter landed in the print bundles.
 *
 * @param letter     the single-letter PDF that was copied
 * @param bundleFile the bundle's file name, e.g. {@code bundle-0001.pdf}
 * @param firstPage  the letter's first page within that bundle, 1-based (always odd)
 * @param pageCount  the letter's own pages, not counting a blank page added after it
 */
public record BundledLetter(Path letter, String bundleFile, int firstPage, int pageCount) {
}
