package jp.expirynotices.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGraphics2D;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.LeapDayPolicy;
import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.letter.LetterFonts;
import jp.expirynotices.letter.Wareki;
import jp.expirynotices.registry.Reject;

/**
 * Writes {@code summary.pdf}: the night's numbers on one or two A4 pages for the mailing lead — the key counts
 * first, then letters by expiry week (a vector bar chart), the breakdowns, the first rejects and what each file in
 * the run folder is. No personal data beyond the resident ids of rejected rows.
 *
 * <p>All text, including the chart's, is set in the given Japanese BaseFonts, which must be embedded
 * ({@code BaseFont.IDENTITY_H, BaseFont.EMBEDDED}). The file appears atomically: it is written to a temporary file in
 * the target's folder and then moved into place.
 */
public class SummaryPdfWriter {

    /** Rejects listed by line; the rest are counted as 「他 N 件」. */
    static final int MAX_REJECT_ROWS = 20;

    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
    private static final Color WARN = new Color(0xb0, 0x1e, 0x1e);
    private static final Color RULE = new Color(0xbf, 0xc5, 0xcc);
    private static final Color HEAD_BG = new Color(0xe8, 0xee, 0xf4);
    private static final Color BOX_BG = new Color(0xf5, 0xf7, 0xfa);
    private static final Color DRY_RUN_BG = new Color(0xfd, 0xec, 0xea);
    private static final Color BAR = new Color(0x2f, 0x6d, 0xa3);

    private static final float MARGIN = 36f;
    private static final float CHART_HEIGHT = 165f;

    private final ReportFonts fonts;

    /**
     * @param regular embedded Japanese font for body text
     * @param bold    embedded Japanese font for headings and numbers (may be the regular one)
     */
    public SummaryPdfWriter(BaseFont regular, BaseFont bold) {
        this.fonts = new ReportFonts(regular, bold);
    }

    /** Uses the letters' fonts (the chart measures its labels with the same font files). */
    public SummaryPdfWriter(LetterFonts fonts) {
        this.fonts = new ReportFonts(fonts.regular(), fonts.bold(), fonts.regularFile(), fonts.boldFile());
    }

    /** Writes the summary to {@code target}, replacing it atomically. */
    public void write(RunSummary summary, Path target) {
        Objects.requireNonNull(summary, "summary");
        OutputFiles.write(target, out -> render(summary, out));
    }

    private void render(RunSummary s, OutputStream out) {
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 6);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(s));
        document.addTitle("電子証明書有効期限通知 実行結果 " + s.runDate());
        document.addSubject("summary.pdf");
        document.addCreator("expiry-notices");
        document.open();
        try {
            header(document, s);
            keyCounts(document, s);
            chart(document, writer, s);
            breakdowns(document, s);
            rejects(document, s);
            files(document, s);
        } finally {
            document.close();
        }
    }

    // ---------------------------------------------------------------- header

    private void header(Document document, RunSummary s) {
        PdfPTable title = new PdfPTable(new float[] {64, 36});
        title.setWidthPercentage(100);
        PdfPCell left = cell(new Phrase("電子証明書有効期限通知 実行結果", fonts.bold(17, ACCENT)), Rectangle.NO_BORDER);
        left.setPaddingLeft(0);
        left.setVerticalAlignment(Element.ALIGN_MIDDLE);
        title.addCell(left);
        PdfPCell mode;
        if (s.dryRun()) {
            mode = cell(new Phrase("試行（dry-run）\n本番の送付ではありません", fonts.bold(10.5f, WARN)), Rectangle.BOX);
            mode.setBorderColor(WARN);
            mode.setBorderWidth(1.5f);
            mode.setBackgroundColor(DRY_RUN_BG);
        } else {
            mode = cell(new Phrase("本番実行", fonts.bold(10.5f, ACCENT)), Rectangle.BOX);
            mode.setBorderColor(ACCENT);
            mode.setBorderWidth(1f);
        }
        mode.setHorizontalAlignment(Element.ALIGN_CENTER);
        mode.setVerticalAlignment(Element.ALIGN_MIDDLE);
        mode.setPadding(5);
        title.addCell(mode);
        add(document, title);

        PdfPTable info = new PdfPTable(new float[] {16, 84});
        info.setWidthPercentage(100);
        info.setSpacingBefore(6);
        infoRow(info, "実行日", Wareki.format(s.runDate()) + "（" + weekday(s.runDate()) + "）　" + s.runDate());
        infoRow(info, "入力ファイル", s.inputFile());
        infoRow(info, "通知期間", "有効期限の " + s.windowMonths() + " か月前から有効期限まで");
        infoRow(info, "うるう日の扱い", leapDayText(s.leapDayPolicy()) + "（この扱いで期限を計算した住民 "
                + count(s.leapDayPolicyResidents()) + " 人）");
        add(document, info);
    }

    private void infoRow(PdfPTable table, String label, String value) {
        PdfPCell l = cell(new Phrase(label, fonts.regular(9, MUTED)), Rectangle.NO_BORDER);
        l.setPaddingLeft(0);
        table.addCell(l);
        table.addCell(cell(new Phrase(value, fonts.regular(9, INK)), Rectangle.NO_BORDER));
    }

    static String leapDayText(LeapDayPolicy policy) {
        return switch (policy) {
            case FEB_28 -> "2月29日生まれは平年の2月28日を誕生日とする（FEB_28）";
            case MAR_1 -> "2月29日生まれは平年の3月1日を誕生日とする（MAR_1）";
        };
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE);
    }

    // ---------------------------------------------------------------- key counts

    private void keyCounts(Document document, RunSummary s) {
        heading(document, "主な件数", 10);
        PdfPTable box = new PdfPTable(4);
        box.setWidthPercentage(100);
        keyCell(box, "読込件数", s.rowsRead(), "入力ファイルの行", false);
        keyCell(box, "不備件数", s.rowsRejected(), "rejects.csv を確認", s.rowsRejected() > 0);
        keyCell(box, "送付対象", s.selected(), "通知書を送る住民", false);
        keyCell(box, "保留", s.held(), "held.csv を確認", s.held() > 0);
        keyCell(box, "通知書", s.letters(), "作成した通知書", false);
        keyCell(box, "ページ数", s.pages(), "印刷する総ページ", false);
        keyCell(box, "印刷束", s.bundles(), "print/ のファイル", false);
        keyCell(box, "バーコードなし", s.noBarcode(), "カスタマバーコード無しの通知書", s.noBarcode() > 0);
        add(document, box);

        long notSelected = sum(s.notSelectedByReason());
        long accounted = s.rowsRejected() + s.selected() + s.held() + notSelected;
        Paragraph check = paragraph(8.5f);
        check.setSpacingBefore(3);
        check.add(new Chunk("内訳：不備 " + count(s.rowsRejected()) + " ＋ 送付対象 " + count(s.selected())
                + " ＋ 保留 " + count(s.held()) + " ＋ 送付しない " + count(notSelected) + " ＝ "
                + count(accounted) + " 件", fonts.regular(8.5f, MUTED)));
        if (s.rowsRead() == 0 && accounted == 0) {
            check.add(new Chunk("　入力ファイルに行がありません", fonts.bold(8.5f, WARN)));
        } else if (accounted == s.rowsRead()) {
            check.add(new Chunk("（読込件数と一致）", fonts.regular(8.5f, MUTED)));
        } else {
            check.add(new Chunk("　読込件数 " + count(s.rowsRead()) + " と一致しません（差 "
                    + count(s.rowsRead() - accounted) + "）", fonts.bold(8.5f, WARN)));
        }
        add(document, check);
    }

    private void keyCell(PdfPTable table, String label, long value, String note, boolean attention) {
        PdfPCell c = new PdfPCell();
        c.setBorderColor(RULE);
        c.setBorderWidth(0.6f);
        c.setBackgroundColor(BOX_BG);
        c.setPadding(5);
        c.setPaddingTop(3);
        c.setPaddingBottom(6);
        c.setUseAscender(true);
        Paragraph l = new Paragraph(label, fonts.bold(9, MUTED));
        c.addElement(l);
        Paragraph v = new Paragraph(count(value), fonts.bold(19, attention ? WARN : INK));
        v.setAlignment(Element.ALIGN_RIGHT);
        v.setLeading(21);
        c.addElement(v);
        Paragraph n = new Paragraph(note, fonts.regular(7, MUTED));
        n.setAlignment(Element.ALIGN_RIGHT);
        c.addElement(n);
        table.addCell(c);
    }

    // ---------------------------------------------------------------- chart

    private void chart(Document document, PdfWriter writer, RunSummary s) {
        heading(document, "有効期限の週別 送付対象者数（最も早い有効期限、週は月曜日始まり）", 8);
        if (s.selectedByExpiryWeek() == null || s.selectedByExpiryWeek().isEmpty()) {
            add(document, new Paragraph("該当する送付対象はありません。", fonts.regular(9, INK)));
            return;
        }
        float width = document.right() - document.left();
        PdfTemplate template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
        Graphics2D g2 = template.createGraphics(width, CHART_HEIGHT, fonts.mapper());
        if (g2 instanceof PdfGraphics2D pdf) {
            pdf.setCompositeFontDrawerEnabled(false);
        }
        try {
            weekChart(s.selectedByExpiryWeek()).draw(g2, new Rectangle2D.Double(0, 0, width, CHART_HEIGHT));
        } finally {
            g2.dispose();
        }
        try {
            Image image = Image.getInstance(template);
            image.setAlignment(Element.ALIGN_CENTER);
            add(document, image);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot place the chart", e);
        }
    }

    /** Category key of one week: compares by date, prints as {@code 12/7週} (or nothing, to thin out labels). */
    record Week(LocalDate monday, String label) implements Comparable<Week> {
        @Override
        public int compareTo(Week other) {
            return monday.compareTo(other.monday);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static String weekLabel(LocalDate monday) {
        return monday.getMonthValue() + "/" + monday.getDayOfMonth() + "週";
    }

    /** Every week from the first to the last, zero-filled, with labels thinned to at most about 26. */
    static List<Map.Entry<Week, Long>> weeks(SortedMap<LocalDate, Long> byWeek) {
        List<Map.Entry<Week, Long>> weeks = new ArrayList<>();
        if (byWeek.isEmpty()) {
            return weeks;
        }
        LocalDate first = monday(byWeek.firstKey());
        LocalDate last = monday(byWeek.lastKey());
        Map<LocalDate, Long> counts = new HashMap<>();
        byWeek.forEach((day, n) -> counts.merge(monday(day), n, Long::sum));
        long total = ChronoUnit.WEEKS.between(first, last) + 1;
        int step = (int) Math.max(1, (total + 25) / 26);
        int i = 0;
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1), i++) {
            String label = i % step == 0 ? weekLabel(w) : "";
            weeks.add(Map.entry(new Week(w, label), counts.getOrDefault(w, 0L)));
        }
        return weeks;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private JFreeChart weekChart(SortedMap<LocalDate, Long> byWeek) {
        List<Map.Entry<Week, Long>> weeks = weeks(byWeek);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Map.Entry<Week, Long> week : weeks) {
            dataset.addValue(week.getValue(), "送付対象", week.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "人", dataset, PlotOrientation.VERTICAL,
                false, false, false);
        StandardChartTheme theme = new StandardChartTheme("summary", false);
        theme.setExtraLargeFont(fonts.awt(java.awt.Font.BOLD, 12));
        theme.setLargeFont(fonts.awt(java.awt.Font.BOLD, 9));
        theme.setRegularFont(fonts.awt(java.awt.Font.PLAIN, 8));
        theme.setSmallFont(fonts.awt(java.awt.Font.PLAIN, 7.5f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(RULE);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(INK);
        theme.setItemLabelPaint(INK);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(false);
        chart.setPadding(new RectangleInsets(2, 0, 0, 4));

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setNoDataMessage("該当する送付対象はありません");
        plot.setNoDataMessageFont(fonts.awt(java.awt.Font.PLAIN, 10));
        plot.setNoDataMessagePaint(MUTED);
        plot.setInsets(new RectangleInsets(4, 2, 2, 2));

        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setUpperMargin(0.15);
        range.setAxisLineVisible(false);
        range.setTickMarksVisible(false);

        CategoryAxis domain = plot.getDomainAxis();
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.01);
        domain.setCategoryMargin(weeks.size() > 26 ? 0.1 : 0.25);
        domain.setMaximumCategoryLabelLines(1);
        domain.setMaximumCategoryLabelWidthRatio(3f);
        domain.setTickMarksVisible(false);
        if (weeks.size() > 16) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, BAR);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.06);
        if (weeks.size() <= 26) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                    NumberFormat.getIntegerInstance(Locale.JAPAN)));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(fonts.awt(java.awt.Font.PLAIN, 7));
        }
        return chart;
    }

    // ---------------------------------------------------------------- breakdowns

    static String kindLabel(CertificateKind kind) {
        return switch (kind) {
            case SIGN -> "署名用";
            case AUTH -> "利用者証明用";
        };
    }

    static String reasonLabel(ExpiryReason reason) {
        return switch (reason) {
            case CARD_EXPIRY -> "カード有効期限";
            case OWN_LIMIT -> "5回目の誕生日";
            case AUTH_CERT_EXPIRY -> "利用者証明用に連動";
        };
    }

    static String notDueLabel(NotDueReason reason) {
        return switch (reason) {
            case NO_CERTIFICATE -> "証明書なし";
            case CARD_EXPIRED -> "カード期限切れ";
            case EXPIRED -> "期限切れ";
            case NOT_YET_DUE -> "更新期間前";
            case ALREADY_NOTIFIED -> "通知済み";
        };
    }

    private void breakdowns(Document document, RunSummary s) {
        PdfPTable outer = new PdfPTable(new float[] {64, 3, 33});
        outer.setWidthPercentage(100);
        outer.setSpacingBefore(8);

        PdfPCell left = cell(null, Rectangle.NO_BORDER);
        left.setPadding(0);
        left.addElement(subHeading("期限が来た証明書（送付対象者の分）：種類 × 期限の理由"));
        left.addElement(kindTable(s));
        left.addElement(selectedByReasonNote(s));
        outer.addCell(left);

        PdfPCell gap = cell(null, Rectangle.NO_BORDER);
        outer.addCell(gap);

        PdfPCell right = cell(null, Rectangle.NO_BORDER);
        right.setPadding(0);
        right.addElement(subHeading("送付しない住民（不備・保留を除く）"));
        right.addElement(notSelectedTable(s));
        outer.addCell(right);
        add(document, outer);

        Paragraph held = paragraph(8.5f);
        held.setSpacingBefore(4);
        held.add(new Chunk("保留の内訳：", fonts.bold(8.5f, MUTED)));
        held.add(new Chunk(codes(s.heldByReason(), "人"), fonts.regular(8.5f, INK)));
        add(document, held);
    }

    private PdfPTable kindTable(RunSummary s) {
        ExpiryReason[] reasons = ExpiryReason.values();
        PdfPTable t = table(new float[] {19, 21, 19, 28, 13});
        t.addCell(headCell("", Element.ALIGN_LEFT));
        for (ExpiryReason reason : reasons) {
            t.addCell(headCell(reasonLabel(reason), Element.ALIGN_RIGHT));
        }
        t.addCell(headCell("計", Element.ALIGN_RIGHT));
        Map<ExpiryReason, Long> columnTotals = new EnumMap<>(ExpiryReason.class);
        List<CertificateKind> kinds = List.of(CertificateKind.SIGN, CertificateKind.AUTH);
        for (CertificateKind kind : kinds) {
            t.addCell(bodyCell(kindLabel(kind), Element.ALIGN_LEFT, false));
            Map<ExpiryReason, Long> row = s.kindByReason() == null ? Map.of()
                    : s.kindByReason().getOrDefault(kind, Map.of());
            long total = 0;
            for (ExpiryReason reason : reasons) {
                long n = row.getOrDefault(reason, 0L);
                total += n;
                columnTotals.merge(reason, n, Long::sum);
                boolean impossible = kind == CertificateKind.AUTH && reason == ExpiryReason.AUTH_CERT_EXPIRY;
                t.addCell(bodyCell(impossible && n == 0 ? "—" : count(n), Element.ALIGN_RIGHT, false));
            }
            t.addCell(bodyCell(count(total), Element.ALIGN_RIGHT, true));
        }
        t.addCell(bodyCell("計", Element.ALIGN_LEFT, true));
        long grand = 0;
        for (ExpiryReason reason : reasons) {
            long n = columnTotals.getOrDefault(reason, 0L);
            grand += n;
            t.addCell(bodyCell(count(n), Element.ALIGN_RIGHT, true));
        }
        t.addCell(bodyCell(count(grand), Element.ALIGN_RIGHT, true));
        return t;
    }

    private Paragraph selectedByReasonNote(RunSummary s) {
        StringBuilder text = new StringBuilder("送付対象者を最も早い期限の理由で数えると\n");
        boolean first = true;
        for (ExpiryReason reason : ExpiryReason.values()) {
            if (!first) {
                text.append("／");
            }
            first = false;
            text.append(reasonLabel(reason)).append(' ')
                    .append(count(s.selectedByReason() == null ? 0 : s.selectedByReason().getOrDefault(reason, 0L)));
        }
        Paragraph p = new Paragraph(text.toString(), fonts.regular(7.5f, MUTED));
        p.setSpacingBefore(2);
        return p;
    }

    private PdfPTable notSelectedTable(RunSummary s) {
        PdfPTable t = table(new float[] {62, 38});
        t.addCell(headCell("理由", Element.ALIGN_LEFT));
        t.addCell(headCell("人数", Element.ALIGN_RIGHT));
        Map<NotDueReason, Long> by = s.notSelectedByReason() == null ? Map.of() : s.notSelectedByReason();
        long total = 0;
        for (NotDueReason reason : NotDueReason.values()) {
            long n = by.getOrDefault(reason, 0L);
            total += n;
            t.addCell(bodyCell(notDueLabel(reason), Element.ALIGN_LEFT, false));
            t.addCell(bodyCell(count(n), Element.ALIGN_RIGHT, false));
        }
        t.addCell(bodyCell("計", Element.ALIGN_LEFT, true));
        t.addCell(bodyCell(count(total), Element.ALIGN_RIGHT, true));
        return t;
    }

    // ---------------------------------------------------------------- rejects

    private void rejects(Document document, RunSummary s) {
        heading(document, "不備のあった行（先頭 " + MAX_REJECT_ROWS + " 件まで、全件は rejects.csv）", 10);
        Paragraph byReason = paragraph(8.5f);
        byReason.add(new Chunk("不備の内訳：", fonts.bold(8.5f, MUTED)));
        byReason.add(new Chunk(codes(s.rejectedByReason(), "件"), fonts.regular(8.5f, INK)));
        byReason.setSpacingAfter(3);
        add(document, byReason);

        List<Reject> list = s.firstRejects() == null ? List.of() : s.firstRejects();
        if (list.isEmpty() && s.rowsRejected() == 0) {
            add(document, new Paragraph("不備のあった行はありません。", fonts.regular(9, INK)));
            return;
        }
        float[] widths = {9, 19, 19, 53};
        PdfPTable t = table(widths);
        t.setHeaderRows(1);
        t.addCell(headCell("行", Element.ALIGN_RIGHT));
        t.addCell(headCell("住民ID", Element.ALIGN_LEFT));
        t.addCell(headCell("項目", Element.ALIGN_LEFT));
        t.addCell(headCell("理由", Element.ALIGN_LEFT));
        float tableWidth = document.right() - document.left();
        int shown = 0;
        for (Reject reject : list) {
            if (shown == MAX_REJECT_ROWS) {
                break;
            }
            t.addCell(bodyCell(Long.toString(reject.line()), Element.ALIGN_RIGHT, false));
            t.addCell(bodyCell(fit(nullToEmpty(reject.residentId()), tableWidth * widths[1] / 100 - 6), Element.ALIGN_LEFT, false));
            t.addCell(bodyCell(fit(nullToEmpty(reject.column()), tableWidth * widths[2] / 100 - 6), Element.ALIGN_LEFT, false));
            t.addCell(bodyCell(fit(nullToEmpty(reject.reason()), tableWidth * widths[3] / 100 - 6), Element.ALIGN_LEFT, false));
            shown++;
        }
        add(document, t);
        long more = Math.max(0, s.rowsRejected() - shown);
        if (more > 0) {
            Paragraph p = new Paragraph("他 " + count(more) + " 件（rejects.csv を参照）", fonts.bold(9, WARN));
            p.setSpacingBefore(2);
            add(document, p);
        }
    }

    /** Cuts {@code text} with an ellipsis so one table line holds it: the PDF stays within two pages. */
    private String fit(String text, float width) {
        BaseFont font = fonts.regularBase();
        if (font.getWidthPoint(text, BODY_SIZE) <= width) {
            return text;
        }
        String ellipsis = "…";
        int end = text.length();
        while (end > 0 && font.getWidthPoint(text.substring(0, end) + ellipsis, BODY_SIZE) > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + ellipsis;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- files

    private void files(Document document, RunSummary s) {
        heading(document, "出力フォルダの中身", 10);
        Paragraph where = new Paragraph(String.valueOf(s.outputFolder()), fonts.regular(8.5f, INK));
        where.setSpacingAfter(3);
        add(document, where);
        PdfPTable t = table(new float[] {20, 80});
        for (String[] file : FILES) {
            PdfPCell name = bodyCell(file[0], Element.ALIGN_LEFT, true);
            t.addCell(name);
            t.addCell(bodyCell(file[1], Element.ALIGN_LEFT, false));
        }
        add(document, t);
    }

    static final String[][] FILES = {
            {"letters/", "住民ごとの通知書PDF（送付対象者1人に1通）"},
            {"print/", "印刷用にまとめたPDF（印刷束ごとに1ファイル、この順で印刷・封入）"},
            {"manifest.csv", "作成した通知書の一覧（住民ID・証明書・有効期限）：封入・発送の照合用"},
            {"rejects.csv", "不備のため読み込まなかった行（行番号・住民ID・項目・理由）：入力元で修正"},
            {"held.csv", "保留して送付しなかった住民と保留理由"},
            {"summary.csv", "この実行結果の数値（表計算・システム連携用、個人情報なし）"},
            {"_SUCCESS", "全工程が正常に終わった印：このファイルが無いフォルダは使わないこと"},
    };

    // ---------------------------------------------------------------- building blocks

    private static final float BODY_SIZE = 8.5f;

    private void heading(Document document, String text, float spacingBefore) {
        Paragraph p = new Paragraph(text, fonts.bold(10.5f, ACCENT));
        p.setSpacingBefore(spacingBefore);
        p.setSpacingAfter(3);
        add(document, p);
    }

    /** An empty paragraph in the Japanese font: OpenPDF sets paragraph spacing in the paragraph's own font. */
    private Paragraph paragraph(float size) {
        Paragraph p = new Paragraph("", fonts.regular(size, INK));
        p.setFont(fonts.regular(size, INK));
        return p;
    }

    private Paragraph subHeading(String text) {
        Paragraph p = new Paragraph(text, fonts.bold(9, ACCENT));
        p.setSpacingAfter(3);
        return p;
    }

    private PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        return t;
    }

    private PdfPCell cell(Phrase phrase, int border) {
        PdfPCell c = phrase == null ? new PdfPCell() : new PdfPCell(phrase);
        c.setBorder(border);
        c.setPadding(2);
        return c;
    }

    private PdfPCell headCell(String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, fonts.bold(BODY_SIZE, INK)));
        c.setHorizontalAlignment(align);
        c.setBackgroundColor(HEAD_BG);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setPadding(3);
        c.setPaddingTop(2);
        return c;
    }

    private PdfPCell bodyCell(String text, int align, boolean bold) {
        PdfPCell c = new PdfPCell(new Phrase(text, bold ? fonts.bold(BODY_SIZE, INK) : fonts.regular(BODY_SIZE, INK)));
        c.setHorizontalAlignment(align);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setPadding(3);
        c.setPaddingTop(1.5f);
        return c;
    }

    private static String codes(SortedMap<String, Long> byCode, String unit) {
        if (byCode == null || byCode.isEmpty()) {
            return "なし";
        }
        StringBuilder text = new StringBuilder();
        byCode.forEach((code, n) -> {
            if (!text.isEmpty()) {
                text.append("　");
            }
            text.append(code).append(' ').append(count(n)).append(' ').append(unit);
        });
        return text.toString();
    }

    private static long sum(Map<?, Long> map) {
        return map == null ? 0 : map.values().stream().mapToLong(Long::longValue).sum();
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(n);
    }

    private static void add(Document document, Element element) {
        document.add(element);
    }

    /** Page footer: what this is, the run date and the page number, in the Japanese font. */
    private final class Footer extends PdfPageEventHelper {
        private static final float SIZE = 7.5f;
        private final RunSummary summary;
        private PdfTemplate total;

        Footer(RunSummary summary) {
            this.summary = summary;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Font font = fonts.regular(SIZE, MUTED);
            float y = document.bottom() - 18;
            String left = "電子証明書有効期限通知 実行結果　" + summary.runDate() + (summary.dryRun() ? "　試行（dry-run）" : "");
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(left, font), document.left(), y, 0);
            // "n / N": N is written into a template once the page count is known
            float totalWidth = fonts.regularBase().getWidthPoint("0", SIZE);
            float x = document.right() - totalWidth;
            float gap = fonts.regularBase().getWidthPoint(" ", SIZE);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(writer.getPageNumber() + " /", font),
                    x - gap, y, 0);
            cb.addTemplate(total, x, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(fonts.regularBase(), SIZE);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
