package jp.expirynotices.report;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import jp.expirynotices.letter.LetterFonts;

/**
 * Writes a one-page A4 sheet to check the letter layout against the window envelope (長形3号, A4 folded in three):
 * printed at 100 %, folded and put into an envelope, it shows whether the address block and the customer barcode
 * stay inside the window when the sheet shifts by the given play.
 *
 * <p>Everything is drawn at true scale, positions in mm from the page's top-left corner like the letter settings:
 * the address block (with a sample address set like the letters: 〒 and address at 11 pt, name at 16 pt, the barcode
 * 2 mm under the name), the window centred on the address block, dashed outlines of the window shifted by ±play
 * (outer: the furthest the window can reach; inner: what is always visible), the barcode with its clearance, the
 * fold lines at 99 mm and 198 mm, mm rulers along the top and left edges and a 100 mm check bar.
 */
public class EnvelopeCalibrationSheet {

    static final double PT_PER_MM = 72 / 25.4;
    static final double PAGE_WIDTH_MM = 210;
    static final double PAGE_HEIGHT_MM = 297;
    static final double FOLD_1_MM = 99;
    static final double FOLD_2_MM = 198;
    static final double BARCODE_CLEARANCE_MM = 2;

    private static final Rectangle PAGE = new Rectangle(pt(PAGE_WIDTH_MM), pt(PAGE_HEIGHT_MM));
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    private static final Color WINDOW = new Color(0x00, 0x5a, 0xc8);
    private static final Color FOLD = new Color(0x2e, 0x7d, 0x32);
    private static final Color WARN = new Color(0xb0, 0x1e, 0x1e);
    private static final Color CLEARANCE = new Color(0xd6, 0xd6, 0xd6);
    private static final Color ADDRESS_FILL = new Color(0xfb, 0xf6, 0xe3);

    private final ReportFonts fonts;

    /**
     * @param regular embedded Japanese font for text
     * @param bold    embedded Japanese font for headings (may be the regular one)
     */
    public EnvelopeCalibrationSheet(BaseFont regular, BaseFont bold) {
        this.fonts = new ReportFonts(regular, bold);
    }

    /** Uses the letters' fonts. */
    public EnvelopeCalibrationSheet(LetterFonts fonts) {
        this(fonts.regular(), fonts.bold());
    }

    /** The geometry of the sheet, in mm from the page's top-left corner. */
    record Box(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        Box grow(double d) {
            return new Box(x - d, y - d, width + 2 * d, height + 2 * d);
        }

        boolean contains(Box other) {
            double e = 1e-9;
            return other.x >= x - e && other.y >= y - e && other.right() <= right() + e
                    && other.bottom() <= bottom() + e;
        }
    }

    /**
     * Writes the sheet to {@code target} (replaced atomically). Positions and sizes in mm.
     *
     * @param addressXmm        left edge of the address block from the page's left edge
     * @param addressYmm        top edge of the address block from the page's top edge
     * @param windowWidthMm     envelope window width (長形3号 window envelopes: typically 90)
     * @param windowHeightMm    envelope window height (typically 45)
     * @param playMm            how far the folded sheet can shift in the envelope (typically 5)
     * @param barcodePointSize  customer barcode size in pt (8 pt: 63.84 mm × 2.88 mm)
     */
    public void write(Path target, double addressXmm, double addressYmm, double addressMaxWidthMm,
                      double addressMaxHeightMm, double windowWidthMm, double windowHeightMm, double playMm,
                      double barcodePointSize) {
        positive(addressMaxWidthMm, "addressMaxWidthMm");
        positive(addressMaxHeightMm, "addressMaxHeightMm");
        positive(windowWidthMm, "windowWidthMm");
        positive(windowHeightMm, "windowHeightMm");
        positive(barcodePointSize, "barcodePointSize");
        if (!(playMm >= 0)) {
            throw new IllegalArgumentException("playMm must be >= 0, was " + playMm);
        }
        Box address = new Box(addressXmm, addressYmm, addressMaxWidthMm, addressMaxHeightMm);
        OutputFiles.write(target, out -> render(out, address, windowWidthMm, windowHeightMm, playMm,
                barcodePointSize));
    }

    /** Barcode width in mm: 67 bars at a 1.2 mm pitch, 0.6 mm wide, at 10 pt; linear in the point size. */
    static double barcodeWidthMm(double pointSize) {
        return (66 * 1.2 + 0.6) * pointSize / 10;
    }

    /** Barcode height (a long bar) in mm: 3.6 mm at 10 pt. */
    static double barcodeHeightMm(double pointSize) {
        return 3.6 * pointSize / 10;
    }

    /** The window, centred on the address block. */
    static Box window(Box address, double width, double height) {
        return new Box(address.x() + (address.width() - width) / 2, address.y() + (address.height() - height) / 2,
                width, height);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    private void render(OutputStream out, Box address, double windowW, double windowH, double play,
                        double barcodePt) {
        Document document = new Document(PAGE, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("封筒窓位置 確認シート");
        document.addCreator("expiry-notices");
        document.open();
        try {
            document.newPage();
            PdfContentByte cb = writer.getDirectContent();
            Box window = window(address, windowW, windowH);
            Box outer = window.grow(play);
            Box inner = window.grow(-play);

            foldLines(cb);
            // lines first, the sample address and barcode on top of them, so that text stays legible where the
            // address block's edge (the text's edge on the letters too) meets the window outlines
            Box barcode = sampleAddress(cb, address, barcodePt, false);
            Box clearance = barcode.grow(BARCODE_CLEARANCE_MM);
            fill(cb, address, ADDRESS_FILL);
            fill(cb, clearance, CLEARANCE);
            rect(cb, window, WINDOW, 1.2f, null);
            rect(cb, outer, WINDOW, 0.6f, new float[] {pt(1.5), pt(1)});
            if (inner.width() > 0 && inner.height() > 0) {
                rect(cb, inner, WINDOW, 0.6f, new float[] {pt(1.5), pt(1)});
            }
            rect(cb, address, INK, 0.5f, null);
            sampleAddress(cb, address, barcodePt, true);
            bars(cb, barcode);
            checkBar(cb);
            rulers(cb);
            text(cb, address, window, outer, inner, barcode, clearance, windowW, windowH, play, barcodePt);
        } finally {
            document.close();
        }
    }

    private void foldLines(PdfContentByte cb) {
        for (double y : new double[] {FOLD_1_MM, FOLD_2_MM}) {
            cb.saveState();
            cb.setColorStroke(FOLD);
            cb.setLineWidth(0.6f);
            cb.setLineDash(new float[] {pt(4), pt(1), pt(0.6), pt(1)}, 0);
            cb.moveTo(0, yPt(y));
            cb.lineTo(pt(PAGE_WIDTH_MM), yPt(y));
            cb.stroke();
            cb.restoreState();
            String label = (y == FOLD_1_MM ? "折り線 99 mm（山折り：上の1/3を裏側へ）" : "折り線 198 mm（谷折り：下の1/3を手前へ）");
            show(cb, label, fonts.regularBase(), 7.5f, FOLD, Element.ALIGN_RIGHT, pt(PAGE_WIDTH_MM - 12),
                    yPt(y - 1.2));
        }
    }

    private void rulers(PdfContentByte cb) {
        cb.saveState();
        cb.setColorStroke(INK);
        cb.setLineWidth(0.3f);
        for (int i = 0; i <= PAGE_WIDTH_MM; i++) {
            double len = tick(i);
            cb.moveTo(pt(i), yPt(0));
            cb.lineTo(pt(i), yPt(len));
        }
        for (int j = 0; j <= PAGE_HEIGHT_MM; j++) {
            double len = tick(j);
            cb.moveTo(pt(0), yPt(j));
            cb.lineTo(pt(len), yPt(j));
        }
        cb.stroke();
        cb.restoreState();
        // numbers on a white ground, so that a window outline passing by never hides them
        BaseFont font = fonts.regularBase();
        float size = 5.5f;
        for (int i = 10; i < PAGE_WIDTH_MM; i += 10) {
            String n = Integer.toString(i);
            float w = font.getWidthPoint(n, size);
            knockout(cb, pt(i) - w / 2 - 0.8f, yPt(6.3) - 1.2f, w + 1.6f, size + 0.6f);
            show(cb, n, font, size, INK, Element.ALIGN_CENTER, pt(i), yPt(6.3));
        }
        for (int j = 10; j < PAGE_HEIGHT_MM; j += 10) {
            String n = Integer.toString(j);
            float w = font.getWidthPoint(n, size);
            knockout(cb, pt(4.6) - 0.8f, yPt(j + 0.7) - 1.2f, w + 1.6f, size + 0.6f);
            show(cb, n, font, size, INK, Element.ALIGN_LEFT, pt(4.6), yPt(j + 0.7));
        }
    }

    private static void knockout(PdfContentByte cb, float x, float y, float w, float h) {
        cb.saveState();
        cb.setColorFill(Color.WHITE);
        cb.rectangle(x, y, w, h);
        cb.fill();
        cb.restoreState();
    }

    private static double tick(int mm) {
        return mm % 10 == 0 ? 4 : mm % 5 == 0 ? 2.6 : 1.5;
    }

    /** A 100 mm bar to measure with a ruler, in the bottom third. */
    private void checkBar(PdfContentByte cb) {
        double y = PAGE_HEIGHT_MM - 17;
        double x0 = 20;
        double x1 = x0 + 100;
        cb.saveState();
        cb.setColorStroke(INK);
        cb.setLineWidth(0.8f);
        cb.moveTo(pt(x0), yPt(y));
        cb.lineTo(pt(x1), yPt(y));
        cb.moveTo(pt(x0), yPt(y - 2.5));
        cb.lineTo(pt(x0), yPt(y + 2.5));
        cb.moveTo(pt(x1), yPt(y - 2.5));
        cb.lineTo(pt(x1), yPt(y + 2.5));
        cb.stroke();
        cb.setLineWidth(0.4f);
        for (int i = 10; i < 100; i += 10) {
            cb.moveTo(pt(x0 + i), yPt(y - 1.2));
            cb.lineTo(pt(x0 + i), yPt(y));
        }
        cb.stroke();
        cb.restoreState();
        show(cb, "100 mm", fonts.boldBase(), 8, INK, Element.ALIGN_CENTER, pt((x0 + x1) / 2), yPt(y - 1.8));
        show(cb, "定規で測って 100 mm なら、正しい倍率（実際のサイズ）で印刷されています。", fonts.regularBase(), 8,
                INK, Element.ALIGN_LEFT, pt(x0), yPt(y + 6));
    }

    /**
     * The sample address, set like the letters (shrunk together until it fits), with the barcode 2 mm under the
     * name. Returns the barcode's box.
     */
    private Box sampleAddress(PdfContentByte cb, Box box, double barcodePt, boolean draw) {
        BaseFont font = fonts.regularBase();
        List<String> lines = List.of("〒170-0013", "東京都豊島区東池袋一丁目18番1号", "見本ハイツ101号室");
        String name = "見本　太郎　様";
        double barcodeW = barcodeWidthMm(barcodePt);
        double barcodeH = barcodeHeightMm(barcodePt);
        double widthPt = pt(box.width());
        double heightPt = pt(box.height());
        double scale = 1;
        for (; scale > 0.3; scale -= 0.05) {
            float addressSize = (float) (11 * scale);
            double used = lines.size() * lineHeight(addressSize) + pt(2.5) * scale + lineHeight(16 * scale)
                    + pt(barcodeH + BARCODE_CLEARANCE_MM);
            boolean wide = lines.stream().allMatch(l -> font.getWidthPoint(l, addressSize) <= widthPt)
                    && font.getWidthPoint(name, (float) (16 * scale)) <= widthPt;
            if (used <= heightPt && wide) {
                break;
            }
        }
        float y = yPt(box.y());
        float left = pt(box.x());
        for (String line : lines) {
            float size = (float) (11 * scale);
            float baseline = y - font.getFontDescriptor(BaseFont.ASCENT, size);
            if (draw) {
                show(cb, line, font, size, INK, Element.ALIGN_LEFT, left, baseline);
            }
            y = (float) (y - lineHeight(size));
        }
        y -= (float) (pt(2.5) * scale);
        float nameSize = (float) (16 * scale);
        float baseline = y - font.getFontDescriptor(BaseFont.ASCENT, nameSize);
        if (draw) {
            show(cb, name, font, nameSize, INK, Element.ALIGN_LEFT, left, baseline);
        }
        y = (float) (y - lineHeight(nameSize));
        double barcodeTopMm = PAGE_HEIGHT_MM - y / PT_PER_MM + BARCODE_CLEARANCE_MM;
        return new Box(box.x(), barcodeTopMm, barcodeW, barcodeH);
    }

    private double lineHeight(double size) {
        BaseFont font = fonts.regularBase();
        return font.getFontDescriptor(BaseFont.ASCENT, (float) size) - font.getFontDescriptor(BaseFont.DESCENT,
                (float) size) + size * 0.18;
    }

    /** Sample bars (F, A, D, T in turn) of the right size on a white ground. */
    private void bars(PdfContentByte cb, Box barcode) {
        cb.saveState();
        cb.setColorFill(Color.WHITE);
        cb.rectangle(pt(barcode.x()), yPt(barcode.bottom()), pt(barcode.width()), pt(barcode.height()));
        cb.fill();
        double unit = barcode.height() / 3.6; // 1 mm at 10 pt
        double pitch = 1.2 * unit;
        double barWidth = 0.6 * unit;
        double full = 3.6 * unit;
        double semi = 2.4 * unit;
        double timing = 1.2 * unit;
        String pattern = "FADT";
        cb.setColorFill(INK);
        for (int i = 0; i < 67; i++) {
            double x = barcode.x() + i * pitch;
            char bar = i < 2 || i > 64 ? (i == 1 || i == 65 ? 'D' : 'F') : pattern.charAt(i % 4);
            double top = barcode.y();
            double bottom = barcode.bottom();
            switch (bar) {
                case 'F' -> fillMm(cb, x, top, barWidth, full);
                case 'A' -> fillMm(cb, x, top, barWidth, semi);
                case 'D' -> fillMm(cb, x, bottom - semi, barWidth, semi);
                default -> fillMm(cb, x, top + (full - timing) / 2, barWidth, timing);
            }
        }
        cb.fill();
        cb.restoreState();
    }

    private static void fill(PdfContentByte cb, Box box, Color color) {
        cb.saveState();
        cb.setColorFill(color);
        cb.rectangle(pt(box.x()), yPt(box.bottom()), pt(box.width()), pt(box.height()));
        cb.fill();
        cb.restoreState();
    }

    private static void fillMm(PdfContentByte cb, double x, double top, double width, double height) {
        cb.rectangle(pt(x), yPt(top + height), pt(width), pt(height));
    }

    // ------------------------------------------------------------------------------------------------ text

    private void text(PdfContentByte cb, Box address, Box window, Box outer, Box inner, Box barcode, Box clearance,
                      double windowW, double windowH, double play, double barcodePt) {
        List<Element> head = new ArrayList<>();
        Paragraph title = new Paragraph("封筒窓位置 確認シート", fonts.bold(14, INK));
        head.add(title);
        Paragraph subtitle = new Paragraph("長形3号の窓付き封筒・A4三つ折り", fonts.regular(9.5f, INK));
        subtitle.setSpacingAfter(4);
        head.add(subtitle);

        head.add(para(8.5f, MUTED, 2,
                "住所欄　左 " + mm(address.x()) + "・上 " + mm(address.y()) + " mm、" + mm(address.width()) + " × "
                        + mm(address.height()) + " mm",
                "窓　" + mm(windowW) + " × " + mm(windowH) + " mm（左 " + mm(window.x()) + "・上 " + mm(window.y())
                        + " mm）",
                "遊び　±" + mm(play) + " mm",
                "バーコード　" + mm(barcodePt) + " pt：" + String.format(Locale.ROOT, "%.2f", barcode.width()) + " × "
                        + String.format(Locale.ROOT, "%.2f", barcode.height()) + " mm、余白 "
                        + mm(BARCODE_CLEARANCE_MM) + " mm"));

        Paragraph checks = new Paragraph("", fonts.regular(9, INK));
        checks.setSpacingBefore(4);
        checks.setSpacingAfter(2);
        checks.add(new Chunk("この設定の確認\n", fonts.bold(10, INK)));
        for (Check check : checks(address, outer, inner, clearance, play)) {
            checks.add(new Chunk(check.ok() ? "○ " : "× ", fonts.bold(9, check.ok() ? INK : WARN)));
            checks.add(new Chunk(check.text() + "\n", fonts.regular(9, check.ok() ? INK : WARN)));
        }
        head.add(checks);

        Paragraph steps = new Paragraph("", fonts.regular(10, INK));
        steps.setSpacingBefore(6);
        steps.add(new Chunk("使い方\n", fonts.bold(11, INK)));
        steps.setLeading(15);
        String[] instructions = {
                "1. 印刷の設定で「実際のサイズ」（倍率 100%）を選んで印刷します。「用紙に合わせる」「ページに合わせる」"
                        + "「縮小」は使わないでください。",
                "2. 下の 100 mm の線を定規で測り、100 mm であることを確かめます。上と左の端の目盛り（mm）が欠けるのは"
                        + "プリンターの余白のためで、問題ありません。",
                "3. 印刷面を表にして、198 mm の線で下の1/3を手前に折り上げ、99 mm の線で上の1/3を裏側へ折ります"
                        + "（Z折り）。住所欄が外側に来ます。",
                "4. 住所欄を窓側にして長形3号の封筒に入れ、底まで差し込みます。",
                "5. 封筒の窓から、住所欄（薄い黄色）と灰色のバーコード欄が全部見えることを確かめます。用紙を封筒の中で"
                        + "上下左右に寄せても、青い内側の点線より内側は窓から見えるはずです。",
                "6. 窓の位置が合わないときは、住所欄の位置の設定（notices.letter.address-block の x-mm・y-mm）を"
                        + "直して、このシートを印刷し直します。"};
        for (String instruction : instructions) {
            steps.add(new Chunk(instruction + "\n", fonts.regular(10, INK)));
        }

        Paragraph legend = new Paragraph("", fonts.regular(8.5f, INK));
        legend.setSpacingBefore(6);
        legend.setLeading(12);
        legend.add(new Chunk("図の見方\n", fonts.bold(9.5f, INK)));
        legend.add(new Chunk("━━ ", fonts.bold(8.5f, INK)));
        legend.add(new Chunk("黒の細線・薄い黄色：住所欄（見本の住所は通知書と同じ組み方）　", fonts.regular(8.5f, INK)));
        legend.add(new Chunk("━━ ", fonts.bold(8.5f, WINDOW)));
        legend.add(new Chunk("青の実線：封筒の窓（住所欄の中央に合わせた位置）\n", fonts.regular(8.5f, INK)));
        legend.add(new Chunk("- - - ", fonts.bold(8.5f, WINDOW)));
        legend.add(new Chunk("青の点線：用紙が ±" + mm(play) + " mm ずれたときの窓（外側：窓が届く一番外、内側：いつも窓から"
                + "見える範囲）\n", fonts.regular(8.5f, INK)));
        legend.add(new Chunk("■ ", fonts.bold(8.5f, CLEARANCE.darker())));
        legend.add(new Chunk("灰色：バーコードの余白 " + mm(BARCODE_CLEARANCE_MM) + " mm（バーは見本）。バーコードは宛名の "
                + mm(BARCODE_CLEARANCE_MM) + " mm 下に印字されます　", fonts.regular(8.5f, INK)));
        legend.add(new Chunk("━ - ", fonts.bold(8.5f, FOLD)));
        legend.add(new Chunk("緑の一点鎖線：折り線", fonts.regular(8.5f, INK)));

        flow(cb, List.of(head, List.of(steps), List.of(legend)), regions(outer));
    }

    record Check(boolean ok, String text) {
    }

    static List<Check> checks(Box address, Box outer, Box inner, Box clearance, double play) {
        List<Check> checks = new ArrayList<>();
        boolean addressInside = inner.width() > 0 && inner.height() > 0 && inner.contains(address);
        checks.add(new Check(addressInside, addressInside
                ? "用紙が ±" + mm(play) + " mm ずれても、住所欄は窓から見えます。"
                : "用紙が ±" + mm(play) + " mm ずれると、住所欄の一部が窓から隠れることがあります（住所欄を小さくするか、"
                        + "窓の大きい封筒に）。"));
        boolean barcodeInside = inner.width() > 0 && inner.height() > 0 && inner.contains(clearance);
        checks.add(new Check(barcodeInside, barcodeInside
                ? "バーコードと余白は、用紙がずれても窓の内側に収まります。"
                : "バーコードの余白 " + mm(BARCODE_CLEARANCE_MM) + " mm が、用紙がずれると窓の縁にかかることがあります"
                        + "（はみ出し最大 " + mm(overhang(inner, clearance)) + " mm）。封筒に入れて確かめてください。"));
        Box page = new Box(0, 0, PAGE_WIDTH_MM, PAGE_HEIGHT_MM);
        boolean onFirstPanel = outer.y() >= 0 && outer.bottom() <= FOLD_1_MM && page.contains(outer);
        checks.add(new Check(onFirstPanel, onFirstPanel
                ? "窓は折り線（99 mm）より上、用紙の一番上の面に収まります。"
                : "窓の範囲が用紙の端か折り線（99 mm）にかかります。住所欄の位置を見直してください。"));
        return checks;
    }

    /** How far {@code box} reaches outside {@code frame}, in mm (0 when inside). */
    static double overhang(Box frame, Box box) {
        return Math.max(0, Math.max(Math.max(frame.x() - box.x(), frame.y() - box.y()),
                Math.max(box.right() - frame.right(), box.bottom() - frame.bottom())));
    }

    /**
     * Where text may go, in reading order: beside the window in the top third (when there is room), then the middle
     * and bottom thirds below the window, away from the fold lines and the 100 mm bar.
     */
    static List<Box> regions(Box outer) {
        List<Box> regions = new ArrayList<>();
        double left = 14;
        double right = PAGE_WIDTH_MM - 10;
        double top = 12;
        double topEnd = FOLD_1_MM - 5;
        double besideRight = outer.right() + 6;
        double besideLeft = outer.x() - 6;
        if (right - besideRight >= 62 && top < topEnd) {
            regions.add(new Box(besideRight, top, right - besideRight, topEnd - top));
        } else if (besideLeft - left >= 62 && top < topEnd) {
            regions.add(new Box(left, top, besideLeft - left, topEnd - top));
        }
        double middleTop = Math.max(FOLD_1_MM, outer.bottom()) + 5;
        double middleEnd = FOLD_2_MM - 5;
        if (middleEnd - middleTop > 10) {
            regions.add(new Box(left, middleTop, right - left, middleEnd - middleTop));
        }
        double bottomTop = Math.max(FOLD_2_MM, outer.bottom()) + 5;
        double bottomEnd = PAGE_HEIGHT_MM - 27;
        if (bottomEnd - bottomTop > 10) {
            regions.add(new Box(left, bottomTop, right - left, bottomEnd - bottomTop));
        }
        return regions;
    }

    /**
     * Flows the sections through the regions in order. A section starts in a fresh region while there are regions
     * enough for the sections still to come, else right below the previous one; text cut at a region's end continues
     * in the next region.
     */
    private static void flow(PdfContentByte cb, List<List<Element>> sections, List<Box> regions) {
        if (regions.isEmpty()) {
            return;
        }
        ColumnText column = new ColumnText(cb);
        int r = 0;
        enter(column, regions.get(r));
        for (int s = 0; s < sections.size(); s++) {
            if (s > 0 && regions.size() - r - 1 >= sections.size() - s) {
                enter(column, regions.get(++r));
            }
            sections.get(s).forEach(column::addElement);
            int status = column.go();
            while (ColumnText.hasMoreText(status)) {
                if (++r >= regions.size()) {
                    return;
                }
                enter(column, regions.get(r));
                status = column.go();
            }
        }
    }

    private static void enter(ColumnText column, Box region) {
        column.setSimpleColumn(pt(region.x()), yPt(region.bottom()), pt(region.right()), yPt(region.y()));
        column.setYLine(yPt(region.y()));
    }

    private Paragraph para(float size, Color color, float spacingAfter, String... lines) {
        Paragraph p = new Paragraph(String.join("\n", lines), fonts.regular(size, color));
        p.setLeading(size * 1.45f);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    // ------------------------------------------------------------------------------------------------ drawing

    private static void rect(PdfContentByte cb, Box box, Color color, float width, float[] dash) {
        cb.saveState();
        cb.setColorStroke(color);
        cb.setLineWidth(width);
        if (dash != null) {
            cb.setLineDash(dash, 0);
        }
        cb.rectangle(pt(box.x()), yPt(box.bottom()), pt(box.width()), pt(box.height()));
        cb.stroke();
        cb.restoreState();
    }

    private static void show(PdfContentByte cb, String text, BaseFont font, float size, Color color, int align,
                             float x, float y) {
        ColumnText.showTextAligned(cb, align, new Phrase(text, new Font(font, size, Font.NORMAL, color)), x, y, 0);
    }

    static float pt(double mm) {
        return (float) (mm * PT_PER_MM);
    }

    /** PDF y of a distance in mm from the page's top edge. */
    static float yPt(double mmFromTop) {
        return (float) ((PAGE_HEIGHT_MM - mmFromTop) * PT_PER_MM);
    }

    /** {@code 80}, {@code 63.84}: mm without trailing zeros. */
    static String mm(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static void positive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        Objects.requireNonNull(name);
    }
}
