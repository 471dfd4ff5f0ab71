package jp.expirynotices.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryPdfWriterTest {

    @TempDir
    Path folder;

    private final SummaryPdfWriter writer = new SummaryPdfWriter(ReportFixtures.fonts());

    @Test
    void theLeadFindsTheKeyCountsAndLabels() throws Exception {
        Path pdf = folder.resolve("summary.pdf");
        writer.write(ReportFixtures.summary(folder, false), pdf);
        ReportFixtures.preview(pdf, "summary");

        PdfInspection inspection = PdfInspection.of(pdf);
        String text = inspection.text();
        assertThat(text).contains("電子証明書有効期限通知 実行結果", "令和8年11月24日", "2026-11-24",
                "juki_certificates_20261124.csv", "本番実行", "3 か月前", "2月28日");
        assertThat(text).contains("読込件数", "1,250", "不備件数", "23", "送付対象", "312", "保留", "通知書",
                "ページ数", "624", "印刷束", "バーコードなし");
        assertThat(text).contains("署名用", "利用者証明用", "カード有効期限", "5回目の誕生日", "利用者証明用に連動");
        assertThat(text).contains("証明書なし", "カード期限切れ", "期限切れ", "更新期間前", "通知済み", "770");
        assertThat(text).contains("R00001031", "birth_date", "INVALID_DATE", "他 3 件");
        assertThat(text).contains("letters/", "print/", "manifest.csv", "rejects.csv", "held.csv", "summary.csv",
                "_SUCCESS");
        assertThat(text).contains("読込件数と一致").doesNotContain("一致しません")
                .containsPattern("1 ?/ ?2").containsPattern("2 ?/ ?2");
        // the chart's week labels are text in the embedded font
        assertThat(text).contains("11/23週", "12/7週", "2/22週");
    }

    @Test
    void theChartIsVectorAndEveryFontIsEmbedded() throws Exception {
        Path pdf = folder.resolve("summary.pdf");
        writer.write(ReportFixtures.summary(folder, false), pdf);

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isBetween(1, 2);
        assertThat(inspection.firstPage().images()).as("image XObjects").isZero();
        // 14 bars, grid lines, table rules: far more than a text-only page
        assertThat(inspection.firstPage().rectangles() + inspection.firstPage().pathSegments()).isGreaterThan(100);
        assertThat(inspection.firstPage().fonts()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("BIZUDGothic"));
        assertThat(inspection.firstPage().notEmbedded()).isEmpty();
    }

    @Test
    void bareBaseFontsWorkToo() throws Exception {
        SummaryPdfWriter plain = new SummaryPdfWriter(ReportFixtures.baseFont(ReportFixtures.REGULAR),
                ReportFixtures.baseFont(ReportFixtures.BOLD));
        Path pdf = folder.resolve("summary.pdf");
        plain.write(ReportFixtures.summary(folder, false), pdf);

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.text()).contains("送付対象", "312", "12/7週");
        assertThat(inspection.firstPage().notEmbedded()).isEmpty();
        assertThat(inspection.firstPage().images()).isZero();
    }

    @Test
    void rejectsStopAtTwentyRowsAndTheRestAreCounted() throws Exception {
        Path pdf = folder.resolve("summary.pdf");
        writer.write(ReportFixtures.summary(folder, false), pdf);

        String text = PdfInspection.of(pdf).text();
        assertThat(text).contains(String.format("R%08d", 1031 + 19 * 53))
                .doesNotContain(String.format("R%08d", 1031 + 20 * 53));
    }

    @Test
    void dryRunIsMarkedAndAnEmptyNightStillRenders() throws Exception {
        RunSummary full = ReportFixtures.summary(folder, true);
        RunSummary empty = new RunSummary(full.runDate(), full.inputFile(), true, 3, full.leapDayPolicy(), 0, 0,
                new TreeMap<>(), 0, 0, new TreeMap<>(), 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(),
                new TreeMap<>(), new TreeMap<LocalDate, Long>(), 0, List.of(), folder);
        Path pdf = folder.resolve("summary.pdf");
        writer.write(empty, pdf);
        ReportFixtures.preview(pdf, "summary-empty");

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.text()).contains("試行（dry-run）", "不備のあった行はありません", "該当する送付対象はありません");
        assertThat(inspection.firstPage().notEmbedded()).isEmpty();
    }

    @Test
    void aCleanNightFitsOnOnePage() throws Exception {
        RunSummary s = ReportFixtures.summary(folder, false);
        Map<jp.expirynotices.expiry.NotDueReason, Long> notSelected = new java.util.EnumMap<>(s.notSelectedByReason());
        notSelected.merge(jp.expirynotices.expiry.NotDueReason.NOT_YET_DUE, 23L, Long::sum);
        RunSummary clean = new RunSummary(s.runDate(), s.inputFile(), s.dryRun(), s.windowMonths(),
                s.leapDayPolicy(), s.rowsRead(), 0, new TreeMap<>(), s.selected(), s.held(), s.heldByReason(),
                s.letters(), s.pages(), s.bundles(), s.noBarcode(), notSelected, s.dueByKind(),
                s.selectedByReason(), s.kindByReason(), s.selectedByExpiryMonth(), s.selectedByExpiryWeek(),
                s.leapDayPolicyResidents(), List.of(), s.outputFolder());
        Path pdf = folder.resolve("summary.pdf");
        writer.write(clean, pdf);
        ReportFixtures.preview(pdf, "summary-clean");

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.text()).contains("不備のあった行はありません", "読込件数と一致", "_SUCCESS")
                .containsPattern("1 ?/ ?1");
    }

    @Test
    void aCountMismatchIsFlagged() throws Exception {
        RunSummary s = ReportFixtures.summary(folder, false);
        RunSummary off = new RunSummary(s.runDate(), s.inputFile(), s.dryRun(), s.windowMonths(), s.leapDayPolicy(),
                s.rowsRead() + 2, s.rowsRejected(), s.rejectedByReason(), s.selected(), s.held(), s.heldByReason(),
                s.letters(), s.pages(), s.bundles(), s.noBarcode(), s.notSelectedByReason(), s.dueByKind(),
                s.selectedByReason(), s.kindByReason(), s.selectedByExpiryMonth(), s.selectedByExpiryWeek(),
                s.leapDayPolicyResidents(), s.firstRejects(), s.outputFolder());
        Path pdf = folder.resolve("summary.pdf");
        writer.write(off, pdf);

        assertThat(PdfInspection.of(pdf).text()).contains("一致しません", "差 2");
    }

    @Test
    void aLongWindowThinsTheWeekLabels() throws Exception {
        TreeMap<LocalDate, Long> byWeek = new TreeMap<>();
        LocalDate monday = LocalDate.of(2026, 11, 23);
        for (int i = 0; i < 104; i++) {
            byWeek.put(monday.plusWeeks(i), (long) (5 + i % 7));
        }
        List<java.util.Map.Entry<SummaryPdfWriter.Week, Long>> weeks = SummaryPdfWriter.weeks(byWeek);
        assertThat(weeks).hasSize(104);
        assertThat(weeks.stream().filter(w -> !w.getKey().label().isEmpty()).count()).isBetween(20L, 27L);

        RunSummary s = ReportFixtures.summary(folder, false);
        RunSummary wide = new RunSummary(s.runDate(), s.inputFile(), s.dryRun(), 24, s.leapDayPolicy(),
                s.rowsRead(), s.rowsRejected(), s.rejectedByReason(), s.selected(), s.held(), s.heldByReason(),
                s.letters(), s.pages(), s.bundles(), s.noBarcode(), s.notSelectedByReason(), s.dueByKind(),
                s.selectedByReason(), s.kindByReason(), s.selectedByExpiryMonth(), byWeek,
                s.leapDayPolicyResidents(), s.firstRejects(), s.outputFolder());
        Path pdf = folder.resolve("summary.pdf");
        writer.write(wide, pdf);
        ReportFixtures.preview(pdf, "summary-wide");
        assertThat(PdfInspection.of(pdf).pages()).isBetween(1, 2);
    }

    @Test
    void weeksAreZeroFilled() {
        TreeMap<LocalDate, Long> byWeek = new TreeMap<>(Map.of(LocalDate.of(2026, 12, 7), 3L,
                LocalDate.of(2026, 12, 21), 4L));
        assertThat(SummaryPdfWriter.weeks(byWeek)).extracting(e -> e.getKey().label() + "=" + e.getValue())
                .containsExactly("12/7週=3", "12/14週=0", "12/21週=4");
    }

    @Test
    void theFileAppearsAtomicallyAndReplacesAnOldOne() throws Exception {
        Path pdf = folder.resolve("summary.pdf");
        Files.writeString(pdf, "old");
        writer.write(ReportFixtures.summary(folder, false), pdf);

        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("summary.pdf");
        }
    }
}
