package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.apache.fontbox.ttf.GlyfCompositeDescript;
import org.apache.fontbox.ttf.GlyfDescript;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphDescription;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TrueTypeHints} on BIZ UD Gothic, the letters' font: a hinted subset as TTFSubsetter writes it, compared
 * with fontbox glyph by glyph, and its file structure checked independently (directory, alignment, checksums).
 * BIZ UD Gothic has no composite glyphs, so those (and short loca offsets) are checked on DejaVu Sans ExtraLight.
 */
class TrueTypeHintsTest {

    static final Path DEJAVU_EXTRA_LIGHT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf");
    static final Set<String> HINTING = Set.of("fpgm", "prep", "cvt ");
    /** What SharedGlyphs kept before hinting was stripped: the subsetter then writes the hinting tables too. */
    static final List<String> HINTED_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "OS/2", "cmap", "name", "post");
    static final String TEXT = "令和8年11月24日 電子証明書の有効期限のお知らせ 山田 太郎 様 東京都豊島区東池袋1丁目18番1号"
            + "サンシャインハイツ101 〒170-0013 ０１２３４５６７８９（）－・　ABCxyz髙橋齋藤邉ｻﾝｼｬｲﾝ";

    static byte[] regular;
    static byte[] hinted;
    static byte[] stripped;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Files.isRegularFile(LetterFontsTest.BIZ_REGULAR), "BIZ UD Gothic is installed");
        regular = Files.readAllBytes(LetterFontsTest.BIZ_REGULAR);
        hinted = hintedSubset(regular, TEXT);
        stripped = TrueTypeHints.strip(hinted);
    }

    @Test
    void theSubsetWasHinted() throws IOException {
        assertThat(tags(hinted)).containsAll(HINTING);
        assertThat(instructionBytes(hinted)).isGreaterThan(1000);
    }

    @Test
    void everyGlyphKeepsItsOutlineAndWidthAndLosesItsInstructions() throws IOException {
        assertSameGlyphs(hinted, stripped, gid -> true);
        assertThat(instructionBytes(stripped)).isZero();
    }

    @Test
    void hasNoHintingTablesAndNoRoomForInstructions() throws IOException {
        assertThat(tags(stripped)).doesNotContainAnyElementsOf(HINTING)
                .containsExactlyInAnyOrderElementsOf(tags(hinted).stream().filter(t -> !HINTING.contains(t)).toList());
        try (TrueTypeFont font = parse(stripped)) {
            assertThat(font.getMaximumProfile().getMaxSizeOfInstructions()).isZero();
        }
    }

    @Test
    void directoryAlignmentAndChecksumsAreRight() {
        assertWellFormed(stripped);
        assertWellFormed(hinted); // the check itself agrees with fontbox's writer
    }

    @Test
    void keepsTheLongLocaOfTheSubsetterAndAlignsGlyphs() {
        assertThat(ByteBuffer.wrap(table(stripped, "head")).getShort(50)).isEqualTo((short) 1);
        long[] offsets = loca(stripped);
        assertThat(Arrays.stream(offsets).boxed()).allMatch(o -> o % 4 == 0);
        assertThat(offsets[offsets.length - 1]).isEqualTo(table(stripped, "glyf").length);
    }

    @Test
    void emptyGlyphsStayEmpty() {
        long[] before = loca(hinted);
        long[] after = loca(stripped);
        List<Integer> empty = new ArrayList<>();
        for (int gid = 0; gid + 1 < before.length; gid++) {
            boolean wasEmpty = before[gid + 1] == before[gid];
            assertThat(after[gid + 1] == after[gid]).as("glyph %d empty", gid).isEqualTo(wasEmpty);
            if (wasEmpty) {
                empty.add(gid);
            }
        }
        assertThat(empty).as("the spaces of TEXT").isNotEmpty();
    }

    @Test
    void isMeaningfullySmaller() {
        int glyfBefore = table(hinted, "glyf").length;
        int glyfAfter = table(stripped, "glyf").length;
        assertThat(glyfAfter).isLessThan(glyfBefore * 9 / 10);
        assertThat(stripped.length).isLessThan(hinted.length * 9 / 10);
    }

    @Test
    void strippingTwiceChangesNothingAndTheInputIsLeftAlone() {
        byte[] copy = hinted.clone();
        TrueTypeHints.strip(copy);
        assertThat(copy).isEqualTo(hinted);
        assertThat(TrueTypeHints.strip(stripped)).isEqualTo(stripped);
    }

    /**
     * SharedGlyphs strips the whole font once and subsets it per letter without stripping again: the same glyphs,
     * metrics and character map as a subset stripped afterwards.
     */
    @Test
    void aSubsetOfTheStrippedFontIsTheStrippedSubset() throws IOException {
        Set<Integer> codePoints = new TreeSet<>();
        TEXT.codePoints().forEach(codePoints::add);
        byte[] fromStripped = SharedGlyphs.subset(TrueTypeHints.strip(regular), codePoints, false);
        byte[] strippedAfter = SharedGlyphs.subset(regular, codePoints, true);
        assertWellFormed(fromStripped);
        assertThat(tags(fromStripped)).doesNotContainAnyElementsOf(HINTING);
        assertThat(instructionBytes(fromStripped)).isZero();
        for (String tag : List.of("glyf", "loca", "hmtx", "cmap", "maxp", "hhea")) {
            assertThat(table(fromStripped, tag)).as(tag).isEqualTo(table(strippedAfter, tag));
        }
    }

    @Test
    void theWholeInstalledFont() throws IOException {
        byte[] font = TrueTypeHints.strip(regular);
        assertWellFormed(font);
        // the signature no longer matches and goes; layout and vertical metrics stay
        assertThat(tags(font)).doesNotContain("DSIG", "fpgm", "prep", "cvt ").contains("GSUB", "vmtx", "vhea");
        assertSameGlyphs(regular, font, gid -> gid % 37 == 0);
        // about a million bytes of instructions, 2 bytes a glyph of which (instructionLength) stay
        assertThat(regular.length - font.length).isGreaterThan(900_000);
    }

    @Test
    void compositeGlyphsAndShortLocaOffsets() throws IOException {
        assumeTrue(Files.isRegularFile(DEJAVU_EXTRA_LIGHT), "DejaVu Sans ExtraLight is installed");
        byte[] dejaVu = Files.readAllBytes(DEJAVU_EXTRA_LIGHT);
        byte[] font = TrueTypeHints.strip(dejaVu);
        assertWellFormed(font);
        assertThat(ByteBuffer.wrap(table(font, "head")).getShort(50)).as("short loca").isZero();
        assertThat(Arrays.stream(loca(font)).boxed()).allMatch(o -> o % 2 == 0);
        assertSameGlyphs(dejaVu, font, gid -> true);
        assertThat(composites(dejaVu, true)).as("composites with instructions before").isPositive();
        assertThat(composites(font, true)).as("composites with instructions after").isZero();
        assertThat(composites(font, false)).isEqualTo(composites(dejaVu, false)).isGreaterThan(1000);
        assertThat(instructionBytes(font)).isZero();
    }

    @Test
    void theLettersEmbedUnhintedFonts() throws IOException {
        // the shared subsets and the per-resident subset (rare kanji of the name)
        NoticeLetter letter = LetterFixtures.letter(LetterFixtures.resident("R0301", "髙橋 邉", LetterFixtures.RUN_DATE
                .minusYears(40), "1700013", "東京都豊島区巣鴨", "", "", LetterFixtures.RUN_DATE.plusYears(5),
                LetterFixtures.standard().resident().certificates()), Optional.empty());
        byte[] pdf = LetterRenderer.defaults().render(letter).pdf();
        Map<String, byte[]> programs = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDFont font : PdfInspection.fonts(doc)) {
                programs.put(font.getName(), ((PDType0Font) font).getDescendantFont().getFontDescriptor()
                        .getFontFile2().toByteArray());
            }
        }
        assertThat(programs.keySet()).anyMatch(n -> n.startsWith("EXNREG+")).anyMatch(n -> n.startsWith("EXNBLD+"))
                .anyMatch(n -> !n.startsWith("EXN"));
        for (Map.Entry<String, byte[]> program : programs.entrySet()) {
            assertWellFormed(program.getValue());
            assertThat(tags(program.getValue())).as(program.getKey()).doesNotContainAnyElementsOf(HINTING);
            assertThat(instructionBytes(program.getValue())).as(program.getKey()).isZero();
        }
    }

    @Test
    void sharedGlyphsSubsetsAreUnhinted() throws IOException {
        byte[] subset = SharedGlyphs.subset(regular, new TreeSet<>(TEXT.codePoints().boxed().toList()));
        assertWellFormed(subset);
        assertThat(tags(subset)).doesNotContainAnyElementsOf(HINTING);
        assertSameGlyphs(hinted, subset, gid -> true);
    }

    @Test
    void notAFont() {
        byte[] collection = Arrays.copyOf("ttcf".getBytes(StandardCharsets.ISO_8859_1), 64);
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        for (byte[] garbage : List.of(new byte[0], new byte[11], "not a font at all".getBytes(StandardCharsets.UTF_8),
                random, collection)) {
            assertThatThrownBy(() -> TrueTypeHints.strip(garbage)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a TrueType font");
        }
        assertThatThrownBy(() -> TrueTypeHints.strip(collection)).hasMessageContaining("collection");
    }

    @Test
    void truncatedFont() {
        // the last table's last byte (the file may end in padding)
        int end = (int) directory(hinted).values().stream().mapToLong(e -> e[1] + e[2]).max().orElseThrow();
        for (int length : new int[] {12, 100, 200, hinted.length / 2, end - 1}) {
            assertThatThrownBy(() -> TrueTypeHints.strip(Arrays.copyOf(hinted, length)))
                    .as("first %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("past the end of the font");
        }
    }

    @Test
    void damagedTables() {
        long[] offsets = loca(hinted);
        int glyph = 0;
        while (offsets[glyph + 1] == offsets[glyph]) {
            glyph++;
        }
        int at = (int) offsets[glyph];
        int glyphId = glyph;
        assertDamaged(patched(hinted, "glyf", g -> g.putShort(at + 10 + 2 * g.getShort(at), (short) 0xFFFF)),
                "glyph " + glyphId + " runs past its end");
        assertDamaged(patched(hinted, "glyf", g -> g.putShort(at, (short) 5000)), "glyph " + glyphId);
        assertDamaged(patched(hinted, "loca", l -> l.putInt(l.limit() - 4, Integer.MAX_VALUE)),
                "past the end of the glyf table");
        assertDamaged(patched(hinted, "loca", l -> l.putInt(4, 0x7FFF)), "out of order");
        assertDamaged(patched(hinted, "maxp", m -> m.putShort(4, (short) 0xFFFF)), "too few for 65535 glyphs");
        assertDamaged(patched(hinted, "head", h -> h.putShort(50, (short) 7)), "indexToLocFormat");
        byte[] noGlyf = hinted.clone();
        int record = tags(hinted).indexOf("glyf");
        noGlyf[12 + 16 * record + 3] = 'x';
        assertDamaged(noGlyf, "no 'glyf' table");
    }

    static void assertDamaged(byte[] font, String message) {
        assertThatThrownBy(() -> TrueTypeHints.strip(font)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** A copy of {@code font} with table {@code tag} changed. */
    static byte[] patched(byte[] font, String tag, Consumer<ByteBuffer> change) {
        byte[] copy = font.clone();
        long[] entry = directory(copy).get(tag);
        change.accept(ByteBuffer.wrap(copy, (int) entry[1], (int) entry[2]).slice());
        return copy;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A subset of {@code font} with {@code text}, hinting tables and instructions included. */
    static byte[] hintedSubset(byte[] font, String text) throws IOException {
        try (TrueTypeFont ttf = parse(font)) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, HINTED_TABLES);
            text.codePoints().forEach(subsetter::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        }
    }

    static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    /** Table records: tag -> {checksum, offset, length}, in directory order. */
    static Map<String, long[]> directory(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        Map<String, long[]> tables = new LinkedHashMap<>();
        for (int i = 0; i < in.getChar(4); i++) {
            int record = 12 + 16 * i;
            tables.put(new String(font, record, 4, StandardCharsets.ISO_8859_1), new long[] {
                    Integer.toUnsignedLong(in.getInt(record + 4)), Integer.toUnsignedLong(in.getInt(record + 8)),
                    Integer.toUnsignedLong(in.getInt(record + 12))});
        }
        return tables;
    }

    static List<String> tags(byte[] font) {
        return List.copyOf(directory(font).keySet());
    }

    static byte[] table(byte[] font, String tag) {
        long[] entry = directory(font).get(tag);
        return Arrays.copyOfRange(font, (int) entry[1], (int) (entry[1] + entry[2]));
    }

    static long[] loca(byte[] font) {
        boolean longOffsets = ByteBuffer.wrap(table(font, "head")).getShort(50) == 1;
        ByteBuffer loca = ByteBuffer.wrap(table(font, "loca"));
        int count = ByteBuffer.wrap(table(font, "maxp")).getChar(4) + 1;
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = longOffsets ? Integer.toUnsignedLong(loca.getInt(4 * i)) : 2L * loca.getChar(2 * i);
        }
        return offsets;
    }

    /** Sum of big-endian uint32 words, zero-padded, modulo 2^32 (OpenType "Calculating checksums"). */
    static long sum(byte[] data) {
        ByteBuffer words = ByteBuffer.wrap(Arrays.copyOf(data, (data.length + 3) / 4 * 4));
        long sum = 0;
        while (words.hasRemaining()) {
            sum += Integer.toUnsignedLong(words.getInt());
        }
        return sum & 0xFFFFFFFFL;
    }

    /** Directory sorted and its search fields right, tables 4-byte aligned, checksums and checkSumAdjustment right. */
    static void assertWellFormed(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        Map<String, long[]> tables = directory(font);
        int n = tables.size();
        int power = Integer.highestOneBit(n);
        assertThat(in.getInt(0)).isEqualTo(0x00010000);
        assertThat((int) in.getChar(6)).as("searchRange").isEqualTo(16 * power);
        assertThat((int) in.getChar(8)).as("entrySelector").isEqualTo(31 - Integer.numberOfLeadingZeros(power));
        assertThat((int) in.getChar(10)).as("rangeShift").isEqualTo(16 * n - 16 * power);
        assertThat(List.copyOf(tables.keySet())).isSorted();
        for (Map.Entry<String, long[]> table : tables.entrySet()) {
            long[] entry = table.getValue();
            assertThat(entry[1] % 4).as(table.getKey() + " aligned").isZero();
            assertThat(entry[1] + entry[2]).as(table.getKey() + " inside").isLessThanOrEqualTo(font.length);
            byte[] data = table(font, table.getKey());
            if (table.getKey().equals("head")) {
                Arrays.fill(data, 8, 12, (byte) 0);
            }
            assertThat(sum(data)).as(table.getKey() + " checksum").isEqualTo(entry[0]);
        }
        int adjustment = (int) tables.get("head")[1] + 8;
        byte[] zeroed = font.clone();
        Arrays.fill(zeroed, adjustment, adjustment + 4, (byte) 0);
        assertThat((0xB1B0AFBAL - sum(zeroed)) & 0xFFFFFFFFL).as("checkSumAdjustment")
                .isEqualTo(Integer.toUnsignedLong(in.getInt(adjustment)));
    }

    /** Same glyph count and metrics; for the glyphs of {@code sample} the same points, contours and path. */
    static void assertSameGlyphs(byte[] before, byte[] after, IntPredicate sample)
            throws IOException {
        try (TrueTypeFont a = parse(before); TrueTypeFont b = parse(after)) {
            assertThat(b.getNumberOfGlyphs()).isEqualTo(a.getNumberOfGlyphs());
            for (int gid = 0; gid < a.getNumberOfGlyphs(); gid++) {
                assertThat(b.getAdvanceWidth(gid)).as("width of %d", gid).isEqualTo(a.getAdvanceWidth(gid));
                if (!sample.test(gid)) {
                    continue;
                }
                GlyphData ga = a.getGlyph().getGlyph(gid);
                GlyphData gb = b.getGlyph().getGlyph(gid);
                assertThat(segments(gb)).as("path of %d", gid).isEqualTo(segments(ga));
                GlyphDescription da = ga.getDescription();
                GlyphDescription db = gb.getDescription();
                assertThat(db.getPointCount()).as("points of %d", gid).isEqualTo(da.getPointCount());
                if (da.getPointCount() == 0) {
                    continue;
                }
                assertThat(gb.getBoundingBox().toString()).isEqualTo(ga.getBoundingBox().toString());
                assertThat(db.isComposite()).isEqualTo(da.isComposite());
                assertThat(db.getContourCount()).isEqualTo(da.getContourCount());
                for (int c = 0; c < da.getContourCount(); c++) {
                    assertThat(db.getEndPtOfContours(c)).isEqualTo(da.getEndPtOfContours(c));
                }
                for (int p = 0; p < da.getPointCount(); p++) {
                    assertThat(new int[] {db.getFlags(p), db.getXCoordinate(p), db.getYCoordinate(p)})
                            .as("point %d of glyph %d", p, gid)
                            .containsExactly(da.getFlags(p), da.getXCoordinate(p), da.getYCoordinate(p));
                }
            }
        }
    }

    static List<String> segments(GlyphData glyph) {
        List<String> segments = new ArrayList<>();
        double[] coords = new double[6];
        for (PathIterator it = glyph.getPath().getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            segments.add(type + Arrays.toString(coords));
        }
        return segments;
    }

    /** Instruction bytes over every glyph, as fontbox reads them. */
    static long instructionBytes(byte[] font) throws IOException {
        long total = 0;
        try (TrueTypeFont ttf = parse(font)) {
            for (int gid = 0; gid < ttf.getNumberOfGlyphs(); gid++) {
                GlyphData glyph = ttf.getGlyph().getGlyph(gid);
                if (glyph != null && glyph.getDescription() instanceof GlyfDescript d && d.getInstructions() != null) {
                    total += d.getInstructions().length;
                }
            }
        }
        return total;
    }

    /** Composite glyphs, or only those with a component flagged WE_HAVE_INSTRUCTIONS. */
    static int composites(byte[] font, boolean withInstructions) throws IOException {
        int count = 0;
        try (TrueTypeFont ttf = parse(font)) {
            for (int gid = 0; gid < ttf.getNumberOfGlyphs(); gid++) {
                GlyphData glyph = ttf.getGlyph().getGlyph(gid);
                if (glyph != null && glyph.getDescription() instanceof GlyfCompositeDescript c
                        && (!withInstructions || c.getComponents().stream()
                        .anyMatch(comp -> (comp.getFlags() & 0x0100) != 0))) {
                    count++;
                }
            }
        }
        return count;
    }
}
