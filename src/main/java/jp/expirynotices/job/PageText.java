package jp.expirynotices.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import jp.expirynotices.letter.ContentTokens;
import jp.expirynotices.letter.PdfObjects;

/**
 * The characters a letter page shows, in drawing order, read from its content stream through each font's ToUnicode
 * map — the same map any text extraction uses, without laying out glyph positions or parsing the embedded font
 * programs (which makes checking every letter of a night a fraction of the cost of drawing it).
 *
 * <p>Made for the letters this job writes (Identity-H fonts with two-byte codes, text drawn directly on the page):
 * text it cannot map comes out as U+FFFD, so a check for an expected string fails rather than passes.
 *
 * <p>Every letter carries the same shared fonts, so their maps are parsed once and kept (a few, by their bytes).
 * Thread-safe: one instance serves the checking threads.
 */
final class PageText {

    /** Maps kept (with 256 KB of answers each): the shared fonts' few, and the first residents' own, never again. */
    private static final int MAX_MAPS = 8;

    /** Parsed ToUnicode maps by the bytes of their stream (as stored: compressed). */
    private final Map<ByteBuffer, Decoder> known = new ConcurrentHashMap<>();

    /**
     * A ToUnicode map; a kept one (the shared fonts') also remembers its answer for each code, as every letter
     * looks up the same few hundred codes. Filled by the checking threads together: each slot only ever goes from
     * null to the same immutable answer.
     */
    private record Decoder(CMap map, String[] answers) {

        private static final String NONE = new String("\uFFFD"); // compared by identity: "no mapping"

        String toUnicode(int code) {
            if (answers == null) {
                return map.toUnicode(code);
            }
            String answer = answers[code];
            if (answer == null) {
                String mapped = map.toUnicode(code);
                answer = mapped == null ? NONE : mapped;
                answers[code] = answer;
            }
            return answer == NONE ? null : answer;
        }
    }

    /** The text of {@code page} of {@code pdf}, whose content parsed into {@code tokens} ({@link ContentTokens}). */
    String of(PdfObjects pdf, PdfObjects.PdfObject page, List<Object> tokens) throws IOException {
        Map<String, Decoder> maps = new HashMap<>();
        Map<String, Object> fonts = pdf.dictionary(pdf.dictionary(page.dictionary().get("Resources")).get("Font"));
        StringBuilder text = new StringBuilder(4096);
        Decoder current = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof ContentTokens.Operator(String operator))) {
                continue;
            }
            switch (operator) {
                case "Tf" -> current = i >= 2 && tokens.get(i - 2) instanceof ContentTokens.Name(String name)
                        ? decoderOf(pdf, fonts, name, maps) : null;
                case "Tj", "'", "\"" -> {
                    if (i >= 1 && tokens.get(i - 1) instanceof byte[] s) {
                        decode(s, current, text);
                    }
                }
                case "TJ" -> {
                    if (i >= 1 && tokens.get(i - 1) instanceof List<?> parts) {
                        for (Object part : parts) {
                            if (part instanceof byte[] s) {
                                decode(s, current, text);
                            }
                        }
                    }
                }
                default -> {
                    // graphics and positioning do not change the characters shown
                }
            }
        }
        return text.toString();
    }

    private static void decode(byte[] bytes, Decoder toUnicode, StringBuilder text) {
        for (int j = 0; j + 1 < bytes.length; j += 2) {
            int code = ((bytes[j] & 0xff) << 8) | (bytes[j + 1] & 0xff);
            String unicode = toUnicode == null ? null : toUnicode.toUnicode(code);
            text.append(unicode == null ? "\uFFFD" : unicode);
        }
    }

    private Decoder decoderOf(PdfObjects pdf, Map<String, Object> fonts, String name, Map<String, Decoder> maps)
            throws IOException {
        if (!maps.containsKey(name)) {
            maps.put(name, toUnicode(pdf, pdf.dictionary(fonts.get(name)).get("ToUnicode")));
        }
        return maps.get(name);
    }

    /** The font's ToUnicode map; null (its text unreadable) when it has none. */
    private Decoder toUnicode(PdfObjects pdf, Object toUnicode) throws IOException {
        if (toUnicode == null) {
            return null;
        }
        PdfObjects.PdfObject stream = pdf.stream(toUnicode);
        ByteBuffer key = ByteBuffer.wrap(pdf.raw(stream));
        Decoder decoder = known.get(key);
        if (decoder == null) {
            CMap map = new CMapParser().parse(new RandomAccessReadBuffer(pdf.decoded(stream)));
            if (known.size() < MAX_MAPS) {
                decoder = known.computeIfAbsent(key, k -> new Decoder(map, new String[0x10000]));
            } else {
                decoder = new Decoder(map, null);
            }
        }
        return decoder;
    }
}
