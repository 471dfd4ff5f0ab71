package org.openpdf.text.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

import org.openpdf.text.DocumentException;

/**
 * A TrueType font that is already a subset (made once at start-up from the few hundred glyphs every letter shares)
 * and is embedded whole, from bytes compressed once, into each document that uses it.
 *
 * <p>Why this class exists, in OpenPDF's package: OpenPDF subsets and compresses a font again for every document,
 * which for a Japanese font is most of the cost of a letter. Its font classes are package-private, so the only way
 * to write a prepared font program is a subclass here. It changes nothing but what {@link #writeFont} emits: the
 * same Identity-H Type 0 / CIDFontType2 structure OpenPDF writes (font descriptor from OpenPDF itself), with the
 * font program, the CIDSet (PDF/A-1: every glyph of the program), the widths and the ToUnicode map prepared once.
 * Text encoding, widths and metrics are OpenPDF's own, read from the subset font's {@code cmap} and {@code hmtx}.
 *
 * <p>Immutable after construction; one instance serves every document of the run, on any thread.
 */
public final class PrebuiltSubsetFont extends TrueTypeFontUnicode {

    private static final int DEFAULT_WIDTH = 1000;
    private static final int SMALL = 2048;
    private static final Pattern SUBSET_PREFIX = Pattern.compile("[A-Z]{6}");

    private final String subsetPrefix;
    private final byte[] fontProgram;
    private final int fontProgramLength;
    /** Small streams are stored as they are: compressing a few hundred bytes costs more than it saves. */
    private final byte[] cidSet;
    private final String widths;
    private final byte[] toUnicode;
    private final boolean toUnicodeDeflated;
    /**
     * The shared subsets' metrics ({glyph, width}) by code point, where OpenPDF looks them up in a map of boxed
     * integers: every character of every letter is measured and encoded through them (~5 % of drawing a letter).
     * Null for a font made for one document, which would not repay the table.
     */
    private final int[][] metricsByCode;
    /** Documents this font was written into by {@link #writeAhead}, until they close. */
    private final Set<PdfWriter> writtenAhead = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private PrebuiltSubsetFont(String name, byte[] ttf, String subsetPrefix, int level, boolean shared)
            throws DocumentException, IOException {
        super(name, IDENTITY_H, true, ttf, false);
        setSubset(false);
        this.metricsByCode = shared ? metricsByCode() : null;
        this.subsetPrefix = subsetPrefix;
        this.fontProgram = deflate(ttf, level);
        this.fontProgramLength = ttf.length;
        // glyph id -> {unicode, width} for every mapped glyph
        Map<Integer, int[]> glyphs = new TreeMap<>();
        cmap31.forEach((unicode, metric) -> glyphs.putIfAbsent(metric[0], new int[] {unicode, metric[1]}));
        int glyphCount = glyphCount(ttf);
        byte[] bits = new byte[(glyphCount + 7) / 8];
        for (int gid = 0; gid < glyphCount; gid++) {
            bits[gid / 8] |= (byte) (0x80 >>> (gid % 8));
        }
        this.cidSet = bits;
        // Widths other than the default (DW 1000, the full-width kanji and kana) only: half the W array or less.
        StringBuilder w = new StringBuilder("[");
        glyphs.forEach((gid, m) -> {
            if (m[1] != DEFAULT_WIDTH) {
                w.append(gid).append('[').append(m[1]).append(']');
            }
        });
        this.widths = w.append(']').toString();
        byte[] cmap = toUnicodeCMap(glyphs).getBytes(StandardCharsets.US_ASCII);
        this.toUnicodeDeflated = cmap.length > SMALL;
        this.toUnicode = toUnicodeDeflated ? deflate(cmap, level) : cmap;
    }

    /**
     * Wraps {@code ttf}, a complete TrueType font (a subset with its own {@code cmap}), under {@code name}.
     *
     * @param subsetPrefix six upper-case letters: the font is a subset, so its PDF name carries a tag (PDF 9.6.4)
     * @param level        {@link Deflater} level: the best for a font made once and written many times, a
     *                     faster one for a font made for one document
     */
    public static PrebuiltSubsetFont of(String name, byte[] ttf, String subsetPrefix, int level) {
        return of(name, ttf, subsetPrefix, level, false);
    }

    /**
     * As {@link #of(String, byte[], String, int)}, for a font made once and used by every document of the run: its
     * metrics are also kept in an array by code point.
     */
    public static PrebuiltSubsetFont shared(String name, byte[] ttf, String subsetPrefix) {
        return of(name, ttf, subsetPrefix, Deflater.BEST_COMPRESSION, true);
    }

    private static PrebuiltSubsetFont of(String name, byte[] ttf, String subsetPrefix, int level, boolean shared) {
        if (!SUBSET_PREFIX.matcher(subsetPrefix).matches()) {
            throw new IllegalArgumentException("subset prefix must be six upper-case letters: " + subsetPrefix);
        }
        try {
            return new PrebuiltSubsetFont(name.endsWith(".ttf") ? name : name + ".ttf", ttf, subsetPrefix + "+",
                    level, shared);
        } catch (DocumentException e) {
            throw new IllegalArgumentException("not a usable TrueType font: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cmap's entries in an array indexed by code point (the Basic Multilingual Plane at most); null if none. */
    private int[][] metricsByCode() {
        if (fontSpecific || cmapExt != null || cmap31 == null) {
            return null;
        }
        int last = cmap31.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (last > 0xFFFF) {
            return null;
        }
        int[][] table = new int[last + 1][];
        cmap31.forEach((code, metric) -> table[code] = metric);
        return table;
    }

    /** As OpenPDF's, from the array when there is one (the same arrays: what one sets, the other sees). */
    @Override
    public int[] getMetricsTT(int c) {
        if (metricsByCode == null) {
            return super.getMetricsTT(c);
        }
        return c >= 0 && c < metricsByCode.length ? metricsByCode[c] : null;
    }

    /**
     * Writes this font into {@code writer}'s document now, where OpenPDF would write it when the document closes.
     * Called right after the document opens, it puts the font's objects, with the same numbers, at the same place
     * of every letter: their files then start with the same bytes, which {@code PrefixDigest} hashes once for all.
     */
    public void writeAhead(PdfWriter writer) throws DocumentException, IOException {
        writeFont(writer, writer.addSimple(this).getIndirectReference(), null);
        writtenAhead.add(writer);
    }

    @Override
    void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params) throws DocumentException,
            IOException {
        if (writtenAhead.remove(writer)) {
            return;   // written when the document opened
        }
        PdfIndirectReference cidSetRef = writer.addToBody(stream(cidSet, cidSet.length > SMALL))
                .getIndirectReference();
        PdfStream program = stream(fontProgram, true);
        program.put(PdfName.LENGTH1, new PdfNumber(fontProgramLength));
        PdfIndirectReference programRef = writer.addToBody(program).getIndirectReference();
        PdfIndirectReference descriptor = writer.addToBody(getFontDescriptor(programRef, subsetPrefix, cidSetRef))
                .getIndirectReference();

        PdfDictionary cidFont = new PdfDictionary(PdfName.FONT);
        cidFont.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
        cidFont.put(PdfName.BASEFONT, new PdfName(subsetPrefix + fontName));
        cidFont.put(PdfName.FONTDESCRIPTOR, descriptor);
        cidFont.put(PdfName.CIDTOGIDMAP, PdfName.IDENTITY);
        PdfDictionary systemInfo = new PdfDictionary();
        systemInfo.put(PdfName.REGISTRY, new PdfString("Adobe"));
        systemInfo.put(PdfName.ORDERING, new PdfString("Identity"));
        systemInfo.put(PdfName.SUPPLEMENT, new PdfNumber(0));
        cidFont.put(PdfName.CIDSYSTEMINFO, systemInfo);
        cidFont.put(PdfName.DW, new PdfNumber(DEFAULT_WIDTH));
        cidFont.put(PdfName.W, new PdfLiteral(widths));
        PdfIndirectReference cidFontRef = writer.addToBody(cidFont).getIndirectReference();
        PdfIndirectReference toUnicodeRef = writer.addToBody(stream(toUnicode, toUnicodeDeflated))
                .getIndirectReference();

        PdfDictionary type0 = new PdfDictionary(PdfName.FONT);
        type0.put(PdfName.SUBTYPE, PdfName.TYPE0);
        type0.put(PdfName.BASEFONT, new PdfName(subsetPrefix + fontName));
        type0.put(PdfName.ENCODING, new PdfName(IDENTITY_H));
        type0.put(PdfName.DESCENDANTFONTS, new PdfArray(cidFontRef));
        type0.put(PdfName.TOUNICODE, toUnicodeRef);
        writer.addToBody(type0, ref);
    }

    /** {@code numGlyphs} of the {@code maxp} table: the glyphs present in the font program. */
    private int glyphCount(byte[] ttf) {
        int[] maxp = tables.get("maxp");
        if (maxp == null || maxp[0] + 6 > ttf.length) {
            throw new IllegalArgumentException("the font has no maxp table");
        }
        return ((ttf[maxp[0] + 4] & 0xff) << 8) | (ttf[maxp[0] + 5] & 0xff);
    }

    /** A stream of {@code bytes} as they are: Flate-compressed already when {@code deflated}. */
    private static PdfStream stream(byte[] bytes, boolean deflated) {
        PdfStream stream = new PdfStream(bytes);
        if (deflated) {
            stream.put(PdfName.FILTER, PdfName.FLATEDECODE);
        }
        return stream;
    }

    /** {@code bytes} Flate-compressed at {@code level}: for this and other streams written ready-made. */
    public static byte[] deflate(byte[] bytes, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The ToUnicode CMap (PDF 9.10.3) of every mapped glyph, as OpenPDF writes it. */
    private static String toUnicodeCMap(Map<Integer, int[]> glyphs) {
        StringBuilder buf = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo
                << /Registry (Adobe)
                /Ordering (UCS)
                /Supplement 0
                >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000><FFFF>
                endcodespacerange
                """);
        var entries = glyphs.entrySet().stream().toList();
        for (int from = 0; from < entries.size(); from += 100) {
            int to = Math.min(entries.size(), from + 100);
            buf.append(to - from).append(" beginbfchar\n");
            for (var entry : entries.subList(from, to)) {
                buf.append('<').append(hex4(entry.getKey())).append("> <");
                appendUtf16(buf, entry.getValue()[0]);
                buf.append(">\n");
            }
            buf.append("endbfchar\n");
        }
        return buf.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end end
                """).toString();
    }

    private static void appendUtf16(StringBuilder buf, int codePoint) {
        for (char c : Character.toChars(codePoint)) {
            buf.append(hex4(c));
        }
    }

    private static String hex4(int value) {
        String hex = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - hex.length())) + hex;
    }
}
