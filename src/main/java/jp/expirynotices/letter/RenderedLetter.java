package jp.expirynotices.letter;

import java.util.Objects;

/**
 * One rendered letter: the PDF/A-1b bytes and its page count (always 2: the notice and the 照会書兼回答書).
 */
public record RenderedLetter(byte[] pdf, int pages) {

    public RenderedLetter {
        Objects.requireNonNull(pdf, "pdf");
    }

    @Override
    public String toString() {
        return "RenderedLetter[" + pdf.length + " bytes, " + pages + " pages]";
    }
}
