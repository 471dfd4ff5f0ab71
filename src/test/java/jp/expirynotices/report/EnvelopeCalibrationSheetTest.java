package jp.expirynotices.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.expirynotices.report.EnvelopeCalibrationSheet.Box;

class EnvelopeCalibrationSheetTest {

    @TempDir
    Path folder;

    private final EnvelopeCalibrationSheet sheet =
            new EnvelopeCalibrationSheet(ReportFixtures.fonts());

    @Test
    void onePageA4WithInstructionsAndEmbeddedFonts() throws Exception {
        Path pdf = folder.resolve("envelope-calibration.pdf");
        sheet.write(pdf, 20, 15, 80, 35, 90, 45, 5, 8);
        ReportFixtures.preview(pdf, "calibration");

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.widthPt()).isCloseTo(595.28f, within(0.5f));
        assertThat(inspection.heightPt()).isCloseTo(841.89f, within(0.5f));
        assertThat(inspection.text()).contains("実際のサイズ", "100%", "長形3号", "99 mm", "198 mm", "100 mm",
                "封筒", "窓", "見本", "63.84 × 2.88 mm", "90 × 45 mm", "±5 mm");
        assertThat(inspection.firstPage().images()).isZero();
        assertThat(inspection.firstPage().notEmbedded()).isEmpty();
        assertThat(inspection.firstPage().fonts()).allSatisfy(name -> assertThat(name).contains("BIZUDGothic"));
    }

    @Test
    void geometryFollowsTheSettings() {
        assertThat(EnvelopeCalibrationSheet.barcodeWidthMm(8)).isCloseTo(63.84, within(1e-9));
        assertThat(EnvelopeCalibrationSheet.barcodeHeightMm(8)).isCloseTo(2.88, within(1e-9));
        assertThat(EnvelopeCalibrationSheet.barcodeWidthMm(10)).isCloseTo(79.8, within(1e-9));

        Box address = new Box(20, 15, 80, 35);
        Box window = EnvelopeCalibrationSheet.window(address, 90, 45);
        assertThat(window).isEqualTo(new Box(15, 10, 90, 45));
        assertThat(window.grow(5)).isEqualTo(new Box(10, 5, 100, 55));
        // a 1 mm ruler step is 72/25.4 pt, from the top-left corner
        assertThat(EnvelopeCalibrationSheet.pt(25.4)).isCloseTo(72f, within(1e-4f));
        assertThat(EnvelopeCalibrationSheet.yPt(0)).isCloseTo(841.89f, within(0.01f));
        assertThat(EnvelopeCalibrationSheet.yPt(99)).isCloseTo((float) ((297 - 99) * 72 / 25.4), within(1e-3f));
    }

    @Test
    void checksSayWhatDoesNotFit() {
        Box address = new Box(20, 15, 80, 35);
        Box window = EnvelopeCalibrationSheet.window(address, 90, 45);
        Box barcodeClearance = new Box(20, 42, 63.84, 2.88).grow(2);
        var checks = EnvelopeCalibrationSheet.checks(address, window.grow(5), window.grow(-5), barcodeClearance, 5);
        assertThat(checks).extracting(EnvelopeCalibrationSheet.Check::ok).containsExactly(true, false, true);
        assertThat(checks.get(1).text()).contains("2 mm");

        Box big = new Box(20, 80, 85, 35);
        Box bigWindow = EnvelopeCalibrationSheet.window(big, 90, 45);
        var bad = EnvelopeCalibrationSheet.checks(big, bigWindow.grow(5), bigWindow.grow(-5), barcodeClearance, 5);
        assertThat(bad).extracting(EnvelopeCalibrationSheet.Check::ok).containsExactly(false, false, false);
    }

    @Test
    void anOddPositionStillKeepsTextAwayFromTheWindow() throws Exception {
        Path pdf = folder.resolve("envelope-calibration.pdf");
        sheet.write(pdf, 100, 40, 80, 35, 90, 45, 5, 10);
        ReportFixtures.preview(pdf, "calibration-odd");

        PdfInspection inspection = PdfInspection.of(pdf);
        assertThat(inspection.pages()).isEqualTo(1);
        assertThat(inspection.text()).contains("実際のサイズ", "×");
    }
}
