package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpdf.text.pdf.PrebuiltSubsetFont;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.registry.Resident;

/**
 * The fast path (glyphs every letter shares embedded from one subset made at start-up, {@link SharedGlyphs}) prints
 * exactly what the slow path (OpenPDF's own subset per letter) prints: same text on every page, same pages, every
 * font embedded, PDF/A-1b — only smaller.
 */
class SharedFontSubsetTest {

    static LetterRenderer fast;
    static LetterRenderer slow;

    @BeforeAll
    static void setUp() {
        assumeTrue(Files.isRegularFile(LetterFontsTest.BIZ_REGULAR), "BIZ UD Gothic is installed");
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        fast = new LetterRenderer(LetterSettings.defaults(), fonts);
        slow = new LetterRenderer(LetterSettings.defaults().withSharedFontSubset(false), fonts);
    }

    static Stream<NoticeLetter> letters() {
        List<NoticeLetter> letters = new ArrayList<>(LetterFixtures.all());
        // names and addresses whose characters the shared subset mostly lacks: Latin lower case, rare kanji,
        // 異体字, half-width katakana, full-width Latin
        letters.add(named("R0101", "O'Brien-Smith, Seán", "東京都豊島区駒込", "7丁目1番", "ｻﾝｼｬｲﾝﾊｲﾂ 1F"));
        letters.add(named("R0102", "髙橋 龍之介", "東京都豊島区雑司が谷", "３－１５－７", "ＡＢＣビル２Ｆ"));
        letters.add(named("R0103", "齋藤 邉", "東京都豊島区巣鴨", "", ""));
        return letters.stream();
    }

    private static NoticeLetter named(String id, String name, String town, String block, String building) {
        Resident r = LetterFixtures.resident(id, name, LocalDate.of(1980, 2, 14), "1700013", town, block, building,
                LocalDate.of(2032, 2, 14), List.of(LetterFixtures.active(CertificateKind.SIGN, LocalDate.of(2022, 3, 1)),
                        LetterFixtures.active(CertificateKind.AUTH, LocalDate.of(2022, 3, 1))));
        return LetterFixtures.letter(r, Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("letters")
    void printsWhatTheSlowPathPrints(NoticeLetter letter) throws Exception {
        RenderedLetter quick = fast.render(letter);
        RenderedLetter reference = slow.render(letter);
        assertThat(quick.pages()).isEqualTo(reference.pages()).isEqualTo(PdfInspection.pages(quick.pdf()));
        for (int page = 1; page <= reference.pages(); page++) {
            assertThat(PdfInspection.text(quick.pdf(), page)).as("page " + page)
                    .isEqualTo(PdfInspection.text(reference.pdf(), page));
        }
        assertThat(PdfInspection.compact(PdfInspection.text(quick.pdf(), 1)))
                .contains(PdfInspection.compact(letter.resident().name()));
        assertThat(PdfInspection.glyphs(quick.pdf(), 1)).hasSameSizeAs(PdfInspection.glyphs(reference.pdf(), 1));
        assertThat(quick.pdf().length).isLessThan(reference.pdf().length);
    }

    @ParameterizedTest
    @MethodSource("letters")
    void isPdfA1bWithEveryFontEmbedded(NoticeLetter letter) throws Exception {
        byte[] pdf = fast.render(letter).pdf();
        assertThat(PdfInspection.pdfA1bFailures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> used = PdfInspection.fonts(doc);
            assertThat(used).extracting(PDFont::getName).anyMatch(n -> n.startsWith("EXNREG+"));
            for (PDFont font : used) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void aReusedLayoutPrintsWhatAFreshLayoutPrints() throws Exception {
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        LetterRenderer reusing = new LetterRenderer(LetterSettings.defaults(), fonts);
        // same certificates and dates as standard(): the body is laid out once, then copied for the others
        NoticeLetter first = LetterFixtures.standard();
        NoticeLetter second = named("R0201", "伊藤 さくら", "東京都豊島区上池袋", "4丁目1番2号", "");
        NoticeLetter third = named("R0202", "GARCIA MARIA", "東京都豊島区池袋本町", "1-2-3", "");
        reusing.render(first);
        for (NoticeLetter letter : List.of(first, second, third)) {
            byte[] copied = reusing.render(letter).pdf();
            byte[] laidOut = new LetterRenderer(LetterSettings.defaults().withSharedFontSubset(false), fonts)
                    .render(letter).pdf();
            assertThat(PdfInspection.text(copied, 1)).isEqualTo(PdfInspection.text(laidOut, 1));
            assertThat(PdfInspection.glyphs(copied, 1)).extracting(PdfInspection.Glyph::toString)
                    .containsExactlyElementsOf(PdfInspection.glyphs(laidOut, 1).stream()
                            .map(PdfInspection.Glyph::toString).toList());
            assertThat(PdfInspection.pdfA1bFailures(copied)).isEmpty();
        }
    }

    @Test
    void aCopiedPartOfTheFormPrintsWhatAFreshLayoutPrints() throws Exception {
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        LetterRenderer reusing = new LetterRenderer(LetterSettings.defaults(), fonts);
        LetterRenderer fresh = new LetterRenderer(LetterSettings.defaults().withSharedFontSubset(false), fonts);
        // Addresses of one, two and three lines: the answer form starts lower or higher on page 2.
        NoticeLetter twoLines = named("R0301", "伊藤 さくら", "東京都豊島区上池袋", "4丁目1番2号", "");
        NoticeLetter threeLines = named("R0302", "山本 一郎", "東京都豊島区東池袋", "1丁目2番3号",
                "サンシャインレジデンス東池袋ウエストタワー1203号室");
        NoticeLetter oneLine = named("R0303", "林 葵", "東京都豊島区巣鴨", "", "");
        // The resident's part of the same shapes with other lines: characters of the resident's own subset, Latin
        // letters, a three-line address again; and lines too long for one line, laid out afresh (they wrap).
        NoticeLetter ownGlyphs = named("R0304", "髙橋 龍之介", "東京都豊島区雑司が谷", "３－１５－７", "");
        NoticeLetter latin = named("R0305", "O'Brien-Smith, Seán", "東京都豊島区駒込", "7丁目1番", "ｻﾝｼｬｲﾝﾊｲﾂ 1F");
        NoticeLetter longName = named("R0306", "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処",
                "東京都豊島区巣鴨", "", "");
        NoticeLetter longBuilding = named("R0307", "林 葵", "東京都豊島区東池袋", "1丁目2番3号",
                "サンシャインレジデンス東池袋ウエストタワー・イーストタワー連絡棟グランドエントランス1203号室");
        for (NoticeLetter letter : List.of(twoLines, threeLines, oneLine, twoLines, ownGlyphs, latin, longName,
                longBuilding, threeLines)) {
            byte[] copied = reusing.render(letter).pdf();
            byte[] laidOut = fresh.render(letter).pdf();
            assertThat(PdfInspection.text(copied, 2)).isEqualTo(PdfInspection.text(laidOut, 2));
            List<PdfInspection.Glyph> expected = PdfInspection.glyphs(laidOut, 2);
            List<PdfInspection.Glyph> actual = PdfInspection.glyphs(copied, 2);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                PdfInspection.Glyph e = expected.get(i);
                PdfInspection.Glyph a = actual.get(i);
                assertThat(a.text()).as("glyph %d", i).isEqualTo(e.text());
                assertThat(a.x()).as("x of %s", e).isCloseTo(e.x(), offset(0.01f));
                assertThat(a.baseline()).as("baseline of %s", e)
                        .isCloseTo(e.baseline(), offset(0.01f));
            }
            assertThat(PdfInspection.pdfA1bFailures(copied)).isEmpty();
            assertReferenceNumberUnderItsHeading(actual, letter.resident().residentId());
        }
        // The last two were drawn from copies: the one-line address moves the answer form up from where the
        // three-line one left it (a translation), the repeated two-line letter too.
        assertThat(pageContent(reusing.render(oneLine).pdf(), 2)).containsPattern("q 1 0 0 1 0 [1-9][0-9.]* cm");
        // The resident's part was copied for every letter after the first of its shape (four lines: name, postal
        // code, one address line, birth date; or five), but not for the two with lines too long for one line:
        // R0303, R0301, R0304, R0305, R0302 and oneLine again.
        assertThat(reusing.residentReuses()).isEqualTo(6);
    }

    /**
     * With every copy of the resident's part checked against a fresh layout (which fails the letter if the two
     * differ), residents of one shape with names and addresses of every kind render.
     */
    @Test
    void everyCheckedCopyOfTheResidentsPartMatchesItsLayout() throws Exception {
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        LetterRenderer checking = new LetterRenderer(LetterSettings.defaults(), fonts);
        checking.checkEveryReuse();
        List<NoticeLetter> letters = new ArrayList<>();
        letters().forEach(letters::add);
        letters.add(named("R0401", "伊藤 さくら", "東京都豊島区上池袋", "4丁目1番2号", ""));
        letters.add(named("R0402", "髙橋 龍之介", "東京都豊島区雑司が谷", "３－１５－７", "ＡＢＣビル２Ｆ"));
        for (NoticeLetter letter : letters) {
            String text = PdfInspection.compact(PdfInspection.text(checking.render(letter).pdf(), 2));
            assertThat(text).contains(PdfInspection.compact("ご本人の氏名" + letter.resident().name()));
        }
        assertThat(checking.residentReuses()).isGreaterThanOrEqualTo(letters.size() - 4);
    }

    /**
     * The office table's 整理番号 cell shows the letter's own resident id (drawn into the kept table's empty cell),
     * centred under the heading, inside the cell below it.
     */
    private static void assertReferenceNumberUnderItsHeading(List<PdfInspection.Glyph> glyphs, String residentId) {
        String text = String.join("", glyphs.stream().map(PdfInspection.Glyph::text).toList());
        int heading = text.lastIndexOf("整理番号");
        int id = text.lastIndexOf(residentId);
        assertThat(heading).as("heading").isNotNegative();
        assertThat(id).as("reference number " + residentId).isGreaterThan(heading);
        PdfInspection.Glyph headFirst = glyphs.get(heading);
        PdfInspection.Glyph headLast = glyphs.get(heading + 3);
        PdfInspection.Glyph idFirst = glyphs.get(id);
        PdfInspection.Glyph idLast = glyphs.get(id + residentId.length() - 1);
        float headCentre = (headFirst.x() + headLast.right()) / 2;
        float idCentre = (idFirst.x() + idLast.right()) / 2;
        assertThat(idCentre).isCloseTo(headCentre, offset(1.5f));
        // y grows downwards here: the number sits below the heading, inside the 12 mm row under it
        assertThat(idFirst.top()).isGreaterThan(headFirst.bottom());
        assertThat(idFirst.baseline() - headFirst.baseline()).isBetween(8f, 12 * 72 / 25.4f + 12);
    }

    private static String pageContent(byte[] pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new String(doc.getPage(page - 1).getContents().readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theSharedSubsetIsTheSameInEveryLetter() throws Exception {
        byte[] a = fast.render(LetterFixtures.standard()).pdf();
        byte[] b = fast.render(LetterFixtures.cardExpiry()).pdf();
        try (PDDocument da = Loader.loadPDF(a); PDDocument db = Loader.loadPDF(b)) {
            PDFont sharedA = PdfInspection.fonts(da).stream().filter(f -> f.getName().startsWith("EXNREG+"))
                    .findFirst().orElseThrow();
            PDFont sharedB = PdfInspection.fonts(db).stream().filter(f -> f.getName().startsWith("EXNREG+"))
                    .findFirst().orElseThrow();
            byte[] programA = ((org.apache.pdfbox.pdmodel.font.PDType0Font) sharedA).getDescendantFont()
                    .getFontDescriptor().getFontFile2().toByteArray();
            byte[] programB = ((org.apache.pdfbox.pdmodel.font.PDType0Font) sharedB).getDescendantFont()
                    .getFontDescriptor().getFontFile2().toByteArray();
            assertThat(programA).isEqualTo(programB);
        }
    }

    /**
     * A shared subset answers its metrics from an array by code point: the same answer as OpenPDF's own look-up (the
     * same font made for one document) for every code point of the Basic Multilingual Plane and beyond, and the
     * same width of a text.
     */
    @Test
    void sharedSubsetMetricsAreOpenPdfsOwn() {
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        Set<Integer> codePoints = new TreeSet<>();
        "保有する電子証明書の有効期限のお知らせ０１２３456789ABCｱｲｳ年月日〒－".codePoints().forEach(codePoints::add);
        byte[] ttf = SharedGlyphs.subset(fonts.regularBytes(), codePoints);
        PrebuiltSubsetFont shared = PrebuiltSubsetFont.shared("BIZUDGothic-Regular", ttf, "EXNREG");
        PrebuiltSubsetFont own = PrebuiltSubsetFont.of("BIZUDGothic-Regular", ttf, "EXNREG", Deflater.BEST_SPEED);
        int mapped = 0;
        for (int cp = -1; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 0x101) {
            int[] expected = own.getMetricsTT(cp);
            assertThat(shared.getMetricsTT(cp)).as("U+%04X", cp).isEqualTo(expected);
            mapped += expected == null ? 0 : 1;
        }
        assertThat(mapped).isGreaterThanOrEqualTo(codePoints.size());
        assertThat(shared.charExists('期')).isTrue();
        assertThat(shared.charExists('龍')).isFalse();
        String text = "有効期限のお知らせ 2027年2月14日";
        assertThat(shared.getWidthPoint(text, 10.5f)).isEqualTo(own.getWidthPoint(text, 10.5f));
    }
}
