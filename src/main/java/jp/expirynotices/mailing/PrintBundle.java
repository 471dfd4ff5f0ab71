package jp.expirynotices.mailing;

import java.util.List;

/**
 * One bundle file.
 *
 * @param fileName   e.g. {@code bundle-0001.pdf}
 * @param letters    its letters in mailing order
 * @param totalPages all its pages, blank padding pages included
 */
public record PrintBundle(String fileName, List<BundledLetter> letters, int totalPages) {

    public PrintBundle {
        letters = List.copyOf(letters);
    }

    public int letterCount() {
        return letters.size();
    }
}
