package jp.expirynotices.letter;

import static jp.expirynotices.letter.PdfInspection.compact;
import static jp.expirynotices.letter.PdfInspection.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.letter.PdfInspection.Glyph;
import jp.expirynotices.registry.Resident;

class LetterRendererTest {

    static LetterFonts fonts;
    static LetterRenderer renderer;

    @BeforeAll
    static void setUp() {
        assumeTrue(Files.isRegularFile(LetterFontsTest.BIZ_REGULAR), "BIZ UD Gothic is installed");
        fonts = LetterFonts.load(FontSettings.search());
        renderer = new LetterRenderer(LetterSettings.defaults(), fonts);
    }

    static Stream<NoticeLetter> fixtures() {
        return LetterFixtures.all().stream();
    }

    // --- content ------------------------------------------------------------------------------------------------

    @Test
    void certificateRenewalLetter() throws Exception {
        RenderedLetter rendered = renderer.render(LetterFixtures.standard());
        assertThat(rendered.pages()).isEqualTo(2);
        assertThat(PdfInspection.pages(rendered.pdf())).isEqualTo(2);

        String page1 = compact(text(rendered.pdf(), 1));
        assertThat(page1).contains(
                "〒170-0013", "東京都豊島区東池袋1丁目18番1号", "サンシャインハイツ101", "山田太郎様",
                // sender and letter date
                "豊島区", "区民部総合窓口課", "令和8年11月24日",
                LetterText.TITLE,
                "e-Tax", "コンビニエンスストア", "3か月前から", "有効期限を過ぎた後でも、新しい電子証明書の発行を申請",
                // table
                "署名用電子証明書", "利用者証明用電子証明書", "令和9年2月14日", "（2027年2月14日）", "更新対象",
                "発行の日から5回目の誕生日",
                "更新のお手続きができる期間令和8年11月15日から令和9年2月14日まで",
                // what to bring, fee
                "マイナンバーカード", "この通知書（お手元にある場合）", "暗証番号の再設定が必要な場合のみ",
                "ご本人のマイナンバーカード", "照会書兼回答書", "S・A・Bのいずれか1点", "手数料：無料",
                "住民基本台帳カード", "運転免許証", "海技免状",
                // windows, closures, contact
                "豊島区役所本庁舎3階総合窓口課", "東部区民事務所", "西部区民事務所", "午前9時〜午後4時",
                "発券は午前8時30分から", "午前9時〜午後3時", "第3土曜日とそれに続く日曜日", "振替休日は閉庁",
                "年末年始", "お問い合わせ先", "03-3981-1111（代表）");
        assertThat(page1).doesNotContain("カードの更新", "15歳未満", "法定代理人", "対象外");
    }

    @Test
    void cardExpiryLetterAsksForANewCard() throws Exception {
        String page1 = compact(text(renderer.render(LetterFixtures.cardExpiry()).pdf(), 1));
        assertThat(page1).contains("佐藤花子様", "〒171-0021", "東京都豊島区西池袋3丁目9番15号",
                "マイナンバーカードの有効期限が近づいています",
                "マイナンバーカードの更新（新しいカードの交付申請）",
                "電子証明書は新しいカードとともに発行されます", "電子証明書だけを更新するお手続きは必要ありません",
                "令和9年1月31日", "（2027年1月31日）", "マイナンバーカードの有効期限", "カードの更新が必要",
                "カードの更新のお手続きができる期間令和8年11月1日から令和9年1月31日まで");
        assertThat(page1).doesNotContain("下記の窓口で電子証明書の更新のお手続きを", "更新対象", "15歳未満");
    }

    @Test
    void minorLetterHasTheLegalRepresentativeNote() throws Exception {
        String page1 = compact(text(renderer.render(LetterFixtures.minor()).pdf(), 1));
        assertThat(page1).contains("鈴木ひなた様", "15歳未満の方のお手続きは、法定代理人（親権者など）が申請",
                "利用者証明用電子証明書", "令和9年1月20日", "令和8年10月21日から令和9年1月20日まで");
        assertThat(page1).doesNotContain("署名用電子証明書令和");
    }

    @Test
    void onlyMinorsGetTheUnder15Note() throws Exception {
        for (NoticeLetter letter : LetterFixtures.all()) {
            String page1 = compact(text(renderer.render(letter).pdf(), 1));
            assertThat(page1.contains("15歳未満")).as(letter.toString()).isEqualTo(letter.assessment().minor());
        }
    }

    @Test
    void certificateNotYetInItsWindowIsShownAsNotDue() throws Exception {
        String page1 = compact(text(renderer.render(LetterFixtures.signOnlyDue()).pdf(), 1));
        assertThat(page1).contains("高橋健一様", "令和9年2月14日", "令和10年2月14日", "（2028年2月14日）",
                "対象外（更新期間前）", "令和9年11月15日から令和10年2月14日まで",
                "更新のお手続きができる期間令和8年11月15日から令和9年2月14日まで");
    }

    @Test
    void secondPageIsTheProxyFormPrefilled() throws Exception {
        String page2 = compact(text(renderer.render(LetterFixtures.standard()).pdf(), 2));
        assertThat(page2).contains("照会書兼回答書", "豊島区長", "ご本人の氏名山田太郎",
                "〒170-0013東京都豊島区東池袋1丁目18番1号サンシャインハイツ101", "生年月日昭和55年2月14日",
                "記入日令和年月日", "ご本人の署名", "代理人の氏名", "代理人の住所", "代理人の電話番号",
                "ご本人との関係", "R0001");
        assertThat(compact(text(renderer.render(LetterFixtures.longAddress()).pdf(), 2)))
                .contains("生年月日平成元年1月8日");
        assertThat(compact(text(renderer.render(LetterFixtures.signOnlyDue()).pdf(), 2)))
                .contains("生年月日昭和32年2月14日");
    }

    @Test
    void longAddressIsShrunkNotCut() throws Exception {
        NoticeLetter letter = LetterFixtures.longAddress();
        Resident r = letter.resident();
        String page1 = compact(text(renderer.render(letter).pdf(), 1));
        assertThat(page1).contains(compact(r.name()) + "様", compact(r.addressTown() + r.addressBlock()),
                compact(r.addressBuilding()));
    }

    // --- PDF/A, fonts, metadata ---------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("fixtures")
    void isPdfA1b(NoticeLetter letter) throws Exception {
        assertThat(PdfInspection.pdfA1bFailures(renderer.render(letter).pdf())).isEmpty();
    }

    /** The XMP packet without XmpWriter's 2 KB of padding, still one well-formed packet (PDF/A above). */
    @Test
    void metadataWithoutPadding() throws Exception {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(renderer.render(LetterFixtures.standard()).pdf())) {
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).startsWith("<?xpacket begin=").contains("</x:xmpmeta>\n<?xpacket end=\"w\"?>")
                    .doesNotContain("          ").hasSizeLessThan(1500);
        }
        byte[] unpadded = "<?xpacket begin?>\n<x/>\n<?xpacket end=\"w\"?>".getBytes();
        assertThat(LetterRenderer.withoutPadding(("<?xpacket begin?>\n<x/>\n" + " ".repeat(300) + "\n  \n"
                + "<?xpacket end=\"w\"?>").getBytes())).isEqualTo(unpadded);
        assertThat(LetterRenderer.withoutPadding("no packet".getBytes())).isEqualTo("no packet".getBytes());
    }

    /**
     * The shared subsets are written right after the header and the colour profile: letters of different residents
     * and variants start with the same bytes, all the fonts' (what {@code job.PrefixDigest} hashes once).
     */
    @Test
    void lettersStartWithTheSameBytesUpToTheSharedFonts() throws Exception {
        byte[] a = renderer.render(LetterFixtures.standard()).pdf();
        byte[] b = renderer.render(LetterFixtures.minor()).pdf();
        byte[] c = renderer.render(LetterFixtures.cardExpiry()).pdf();
        int shared = Math.min(java.util.Arrays.mismatch(a, b), java.util.Arrays.mismatch(a, c));
        String start = new String(a, 0, shared, java.nio.charset.StandardCharsets.ISO_8859_1);
        // Both font programs (FontFile2, with their Length1), both Type 0 fonts: everything but the letter's own.
        assertThat(start.split("/Length1 ", -1)).hasSize(3);
        assertThat(start.split("/Subtype/Type0", -1)).hasSize(3);
        assertThat(shared).isGreaterThan(a.length * 3 / 4);
        try (PDDocument doc = Loader.loadPDF(a)) {
            assertThat(PdfInspection.fonts(doc)).allMatch(PDFont::isEmbedded);
        }
    }

    /**
     * Page 1's body is reused by its inputs (LetterText.BodyInputs) without being built: letters that differ in what
     * the inputs leave out (issue dates, birth dates of adults, names, addresses) share it, and each letter still
     * prints what a renderer that reuses nothing prints. With every reuse checked, none prints otherwise.
     */
    @Test
    void bodiesReusedByTheirInputsPrintWhatTheirOwnLettersWould() throws Exception {
        List<NoticeLetter> letters = new ArrayList<>(LetterFixtures.all());
        // Same expiry (the 5th birthday 2027-02-14) as standard(), other birth and issue dates, other people.
        letters.add(issued20220215("R0101", "田中 一郎", LocalDate.of(1990, 2, 14)));
        // The same, aged 14: the under-15 note makes another body.
        letters.add(issued20220215("R0102", "田中 二郎", LocalDate.of(2012, 2, 14)));
        letters.addAll(LetterFixtures.all());
        LetterRenderer reference = new LetterRenderer(LetterSettings.defaults().withSharedFontSubset(false), fonts);
        LetterRenderer reusing = new LetterRenderer(LetterSettings.defaults(), fonts);
        LetterRenderer checking = new LetterRenderer(LetterSettings.defaults(), fonts);
        checking.checkEveryReuse();
        for (NoticeLetter letter : letters) {
            String expected = text(reference.render(letter).pdf(), 1);
            assertThat(text(reusing.render(letter).pdf(), 1)).as(letter.toString()).isEqualTo(expected);
            assertThat(text(checking.render(letter).pdf(), 1)).as(letter.toString()).isEqualTo(expected);
        }
        // The second round of fixtures and the other-dates adult reuse kept bodies.
        assertThat(reusing.bodyReuses()).isGreaterThanOrEqualTo(LetterFixtures.all().size() + 1);
        assertThat(checking.bodyReuses()).isEqualTo(reusing.bodyReuses());
    }

    /** A resident in 西池袋 whose two certificates were issued on 2022-02-15. */
    private static NoticeLetter issued20220215(String id, String name, LocalDate birth) {
        return LetterFixtures.letter(LetterFixtures.resident(id, name, birth, "1710021", "東京都豊島区西池袋",
                "3丁目9番15号", "", LocalDate.of(2033, 1, 1),
                List.of(LetterFixtures.active(CertificateKind.SIGN, LocalDate.of(2022, 2, 15)),
                        LetterFixtures.active(CertificateKind.AUTH, LocalDate.of(2022, 2, 15)))), Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFontIsEmbedded(NoticeLetter letter) throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(letter).pdf())) {
            List<PDFont> used = PdfInspection.fonts(doc);
            assertThat(used).isNotEmpty();
            for (PDFont font : used) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("BIZUDGothic").doesNotContainIgnoringCase("Helvetica");
            }
        }
    }

    @Test
    void metadataCarriesNoPersonalData() throws Exception {
        NoticeLetter letter = LetterFixtures.standard();
        byte[] pdf = renderer.render(letter).pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(LetterText.TITLE);
            assertThat(info.getAuthor()).isEqualTo("豊島区 区民部総合窓口課");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains(LetterText.TITLE, "pdfaid:part", "1");
            Stream.of(info.getTitle(), info.getAuthor(), info.getSubject(), info.getKeywords(), info.getCreator(), xmp)
                    .filter(java.util.Objects::nonNull)
                    .forEach(field -> assertThat(field).doesNotContain("山田", "太郎", "東池袋", "R0001"));
        }
    }

    @Test
    void xmpDatesAreTheDocumentInformationDatesOfEachLetter() throws Exception {
        // Letters rendered within one second share a packet: run over a change of second, so that the packet is
        // both reused and made again.
        List<String> created = new ArrayList<>();
        long until = System.nanoTime() + 5_000_000_000L;
        while ((created.size() < 3 || created.stream().distinct().count() < 2) && System.nanoTime() < until) {
            try (PDDocument doc = Loader.loadPDF(renderer.render(LetterFixtures.standard()).pdf())) {
                PDDocumentInformation info = doc.getDocumentInformation();
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmpDate(xmp, "xmp:CreateDate")).isEqualTo(info.getCreationDate().toInstant());
                if (info.getModificationDate() == null) {
                    assertThat(xmp).doesNotContain("xmp:ModifyDate");
                } else {
                    assertThat(xmpDate(xmp, "xmp:ModifyDate")).isEqualTo(info.getModificationDate().toInstant());
                }
                assertThat(xmp).contains(LetterText.TITLE, "pdfaid:part");
                created.add(xmpDate(xmp, "xmp:CreateDate").toString());
            }
        }
        assertThat(created.stream().distinct().count()).isGreaterThanOrEqualTo(2);
    }

    private static java.time.Instant xmpDate(String xmp, String element) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + element + ">([^<]+)</" + element + ">")
                .matcher(xmp);
        assertThat(m.find()).as(element + " in " + xmp).isTrue();
        return java.time.OffsetDateTime.parse(m.group(1)).toInstant();
    }

    // --- layout ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("fixtures")
    void nothingOverlapsOrLeavesThePage(NoticeLetter letter) throws Exception {
        byte[] pdf = renderer.render(letter).pdf();
        for (int page = 1; page <= 2; page++) {
            List<Glyph> glyphs = PdfInspection.glyphs(pdf, page);
            assertThat(glyphs).hasSizeGreaterThan(200);
            for (Glyph g : glyphs) {
                assertThat(g.x()).as("left of %s", g).isGreaterThanOrEqualTo(15f);
                assertThat(g.right()).as("right of %s", g).isLessThanOrEqualTo(195f);
                assertThat(g.top()).as("top of %s", g).isGreaterThanOrEqualTo(10f);
                assertThat(g.bottom()).as("bottom of %s", g).isLessThanOrEqualTo(287f);
            }
            assertNoOverlap(glyphs, "page " + page + " of " + letter);
        }
    }

    private static void assertNoOverlap(List<Glyph> glyphs, String where) {
        List<Glyph> byTop = new ArrayList<>(glyphs);
        byTop.sort((a, b) -> Float.compare(a.top(), b.top()));
        for (int i = 0; i < byTop.size(); i++) {
            Glyph a = byTop.get(i);
            for (int j = i + 1; j < byTop.size() && byTop.get(j).top() < a.bottom(); j++) {
                Glyph b = byTop.get(j);
                assertThat(a.overlaps(b, 0.15f)).as("%s overlaps %s on %s", a, b, where).isFalse();
            }
        }
    }

    /** The address block (and nothing else) is in the envelope window: block 80 × 35 mm at x 20, y 15. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void addressBlockStaysInItsBox(NoticeLetter letter) throws Exception {
        List<Glyph> glyphs = PdfInspection.glyphs(renderer.render(letter).pdf(), 1);
        List<Glyph> inWindowZone = glyphs.stream().filter(g -> g.x() < 110 && g.top() < 60).toList();
        assertThat(inWindowZone).isNotEmpty();
        for (Glyph g : inWindowZone) {
            assertThat(g.x()).as("%s", g).isGreaterThanOrEqualTo(20f - 0.01f);
            assertThat(g.right()).as("%s", g).isLessThanOrEqualTo(100f + 0.01f);
            assertThat(g.top()).as("%s", g).isGreaterThanOrEqualTo(15f - 0.01f);
            assertThat(g.bottom()).as("%s", g).isLessThanOrEqualTo(50f + 0.01f);
        }
        assertThat(inWindowZone).anyMatch(g -> g.text().equals("様"));
        assertThat(inWindowZone).anyMatch(g -> g.text().equals("〒"));
    }

    @Test
    void addressBlockFollowsTheSettings() throws Exception {
        LetterSettings moved = LetterSettings.defaults().withAddressBlock(new LetterSettings.AddressBlock(25, 20, 75, 30));
        byte[] pdf = new LetterRenderer(moved, fonts).render(LetterFixtures.standard()).pdf();
        List<Glyph> block = PdfInspection.glyphs(pdf, 1).stream().filter(g -> g.x() < 110 && g.top() < 55).toList();
        assertThat(block).allSatisfy(g -> {
            assertThat(g.x()).isGreaterThanOrEqualTo(25f - 0.01f);
            assertThat(g.right()).isLessThanOrEqualTo(100f + 0.01f);
            assertThat(g.top()).isGreaterThanOrEqualTo(20f - 0.01f);
            assertThat(g.bottom()).isLessThanOrEqualTo(50f + 0.01f);
        });
        assertThat(block.stream().filter(g -> g.text().equals("〒")).findFirst().orElseThrow().x())
                .isCloseTo(25f, org.assertj.core.data.Offset.offset(0.2f));
    }

    record BarcodeCall(String bars, float x, float yTop, double pointSize) {
    }

    /** The barcode goes under the name with 2 mm clearance, inside the block; none for a 〒xxx-xx00 code. */
    @Test
    void barcodeUnderTheName() throws Exception {
        List<BarcodeCall> calls = Collections.synchronizedList(new ArrayList<>());
        LetterRenderer recording = new LetterRenderer(LetterSettings.defaults(), fonts, (cb, bars, x, yTop, size) -> {
            calls.add(new BarcodeCall(bars, x, yTop, size));
            CustomerBarcodePainter.JAPAN_POST.draw(cb, bars, x, yTop, size);
        });
        byte[] pdf = recording.render(LetterFixtures.standard()).pdf();
        assertThat(calls).hasSize(1);
        BarcodeCall call = calls.getFirst();
        assertThat(call.bars()).isEqualTo(LetterFixtures.BARS_1700013);
        assertThat(call.pointSize()).isEqualTo(8);
        float mm = PdfInspection.PT_PER_MM;
        float pageHeightMm = 297f;
        float topMm = pageHeightMm - call.yTop() / mm;
        assertThat(call.x() / mm).isCloseTo(20f, org.assertj.core.data.Offset.offset(0.01f));
        Glyph sama = PdfInspection.glyphs(pdf, 1).stream().filter(g -> g.text().equals("様")).findFirst().orElseThrow();
        assertThat(topMm - sama.bottom()).as("clearance under the name").isGreaterThanOrEqualTo(2f - 0.01f);
        assertThat(topMm + 2.88f).as("barcode bottom inside the 35 mm block").isLessThanOrEqualTo(50f + 0.01f);
        assertThat(call.x() / mm + 63.84f).isLessThanOrEqualTo(100f);

        calls.clear();
        recording.render(LetterFixtures.longAddress());
        assertThat(calls).isEmpty();
    }

    // --- settings and failures ----------------------------------------------------------------------------------

    @Test
    void officesAndContactComeFromTheSettings() throws Exception {
        LetterSettings custom = new LetterSettings(null, new LetterSettings.Sender("練馬区", "区民部戸籍住民課", null,
                null, null), new LetterSettings.Contact("練馬区 戸籍住民課", "03-3993-1111（代表）", "受付は平日のみ"),
                List.of(new LetterSettings.Office("区役所本庁舎2階", "", List.of("平日　午前8時30分〜午後5時"))),
                List.of("年末年始はお休みです。"), "無料", null, null, null);
        String page1 = compact(text(new LetterRenderer(custom, fonts).render(LetterFixtures.standard()).pdf(), 1));
        assertThat(page1).contains("練馬区区民部戸籍住民課", "区役所本庁舎2階", "平日午前8時30分〜午後5時",
                "※年末年始はお休みです。", "練馬区戸籍住民課電話03-3993-1111（代表）", "受付は平日のみ");
        assertThat(page1).doesNotContain("東部区民事務所", "第3土曜日");
    }

    @Test
    void contentThatCannotFitFailsInsteadOfOverflowing() {
        List<String> closures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            closures.add("臨時閉庁のお知らせです。詳しくは区のホームページをご覧ください。" + i);
        }
        LetterSettings crowded = new LetterSettings(null, null, null, null, closures, null, null, null, null);
        // refused at start, while the shared font subset is made from probe letters
        assertThatThrownBy(() -> new LetterRenderer(crowded, fonts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configured texts do not fit");
        // without it, the first letter fails, naming the resident by id only
        assertThatThrownBy(() -> new LetterRenderer(crowded.withSharedFontSubset(false), fonts)
                .render(LetterFixtures.standard()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("R0001")
                .hasMessageNotContaining("山田");
    }

    @Test
    void aConfiguredTextTheFontCannotDrawIsRefusedAtStart() {
        LetterSettings odd = new LetterSettings(null, null, null, null, List.of("年末年始\uE000"), null, null, null,
                null);
        assertThatThrownBy(() -> new LetterRenderer(odd, fonts))
                .hasMessageContaining("notices.letter.closures[0]")
                .hasMessageContaining("U+E000");
    }

    @Test
    void aResidentWithoutDueCertificatesGetsNoLetter() {
        NoticeLetter early = LetterFixtures.letter(LetterFixtures.standard().resident(), Optional.empty(),
                LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> renderer.render(early)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R0001");
    }

    @Test
    void aNameTheFontCannotDrawIsRefused() {
        String yoshida = new StringBuilder().appendCodePoint(0x20BB7).append("田 一郎").toString();
        Resident r = LetterFixtures.resident("R0006", yoshida, LocalDate.of(1980, 2, 14), "1700013",
                "東京都豊島区東池袋", "1丁目18番1号", "", LocalDate.of(2032, 2, 14),
                List.of(LetterFixtures.active(CertificateKind.SIGN, LocalDate.of(2022, 3, 1))));
        assertThatThrownBy(() -> renderer.render(LetterFixtures.letter(r, Optional.empty())))
                .isInstanceOfSatisfying(MissingGlyphException.class,
                        e -> assertThat(e.codePoints()).containsExactly(0x20BB7))
                .hasMessageContaining("R0006")
                .hasMessageContaining("U+20BB7")
                .hasMessageNotContaining("田");
    }

    /** One renderer and one set of fonts serve several threads: same text, valid files. */
    @Test
    void rendersConcurrently() throws Exception {
        List<NoticeLetter> letters = LetterFixtures.all();
        List<String> expected = new ArrayList<>();
        for (NoticeLetter letter : letters) {
            expected.add(text(renderer.render(letter).pdf(), 1) + text(renderer.render(letter).pdf(), 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RenderedLetter>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                NoticeLetter letter = letters.get(i % letters.size());
                futures.add(pool.submit(() -> renderer.render(letter)));
            }
            for (int i = 0; i < futures.size(); i++) {
                byte[] pdf = futures.get(i).get().pdf();
                assertThat(text(pdf, 1) + text(pdf, 2)).isEqualTo(expected.get(i % letters.size()));
                if (i < letters.size()) {
                    assertThat(PdfInspection.pdfA1bFailures(pdf)).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
