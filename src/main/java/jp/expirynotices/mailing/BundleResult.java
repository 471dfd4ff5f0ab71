package jp.expirynotices.mailing;

import java.util.List;

/**
 * What {@link BundleWriter#write} produced.
 *
 * @param bundles the bundles in order
 * @param letters every letter in the order given, with its bundle and first page
 */
public record BundleResult(List<PrintBundle> bundles, List<BundledLetter> letters) {

    public BundleResult {
        bundles = List.copyOf(bundles);
        letters = List.copyOf(letters);
    }
}
