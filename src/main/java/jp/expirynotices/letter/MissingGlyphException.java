package jp.expirynotices.letter;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A letter's name or address has characters the font cannot draw (外字): printing it would silently drop them, so
 * the letter is not rendered and the resident needs manual handling. The message names the resident id and the
 * code points, never the name or address.
 */
public class MissingGlyphException extends IllegalArgumentException {

    private final transient Set<Integer> codePoints;

    public MissingGlyphException(String residentId, Set<Integer> codePoints) {
        super("resident " + residentId + ": the letter font has no glyph for " + format(codePoints)
                + " (外字); the letter needs manual handling");
        this.codePoints = Set.copyOf(codePoints);
    }

    /** The missing code points. */
    public Set<Integer> codePoints() {
        return codePoints;
    }

    /** {@code U+20BB7, U+E000}. */
    public static String format(Set<Integer> codePoints) {
        return codePoints.stream().sorted().map(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(", "));
    }
}
