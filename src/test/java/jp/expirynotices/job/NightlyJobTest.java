package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a small registry whose every outcome is worked out by hand in the fixture's comments. */
class NightlyJobTest {

    static final Path REGISTRY = FixtureExpectations.REGISTRY;

    @TempDir
    Path dir;

    @Test
    void runOnFixtureWritesExactManifestRejectsHeldAndSummary() throws Exception {
        JobRun job = new JobRun(dir);
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        FixtureExpectations.assertOutputs(job, "2026-11-24");

        assertThat(job.jdbc().queryForList("SELECT RESIDENT_ID || ',' || KIND FROM EN_NOTICE_LEDGER "
                + "ORDER BY RESIDENT_ID, KIND", String.class)).containsExactlyElementsOf(FixtureExpectations.LEDGER);
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE NAME IS NOT NULL",
                Integer.class)).as("personal data cleared after the run").isZero();
    }

    @Test
    void theSelfCheckSeesTheRunsLog() {
        // the capture the self-check searches for personal data is the log the operator gets
        JobRun run = new JobRun(dir.resolve("log-capture"));
        assertThat(run.run(REGISTRY, "2026-11-24")).isZero();
        assertThat(LogCapture.current()).isPresent();
        assertThat(LogCapture.current().orElseThrow().text()).contains("selection: 14 rows read")
                .doesNotContain("山田");
    }

    @Test
    void bundleIndexIsTrueForEveryLetterAndEachStartsOnAnOddPage() throws IOException {
        JobRun job = new JobRun(dir);
        assertThat(job.run(REGISTRY, "2026-11-24", "--notices.bundle-size=2")).isZero();
        Path folder = job.folder("2026-11-24");
        List<String> index = job.lines("2026-11-24", "print/bundles.csv");
        assertThat(index.get(0)).isEqualTo("bundle_file,first_page,pages,sequence,resident_id");
        assertThat(index).hasSize(1 + FixtureExpectations.SELECTED);
        List<String> manifest = job.lines("2026-11-24", "manifest.csv");
        for (int i = 1; i < index.size(); i++) {
            String[] row = index.get(i).split(",");
            String[] letter = manifest.get(i).split(",", -1);
            assertThat(row[3]).isEqualTo(letter[0]);
            assertThat(row[4]).isEqualTo(letter[1]);
            assertThat(row[0]).isEqualTo(String.format("print/bundle-%04d.pdf", (i + 1) / 2));
            int first = Integer.parseInt(row[1]);
            int pages = Integer.parseInt(row[2]);
            assertThat(first % 2).as("starts on an odd page").isEqualTo(1);
            assertThat(Integer.toString(pages)).isEqualTo(letter[7]);
            try (PDDocument bundle = Loader.loadPDF(folder.resolve(row[0]).toFile());
                 PDDocument single = Loader.loadPDF(folder.resolve(letter[6]).toFile())) {
                PDFTextStripper inBundle = new PDFTextStripper();
                inBundle.setStartPage(first);
                inBundle.setEndPage(first + pages - 1);
                assertThat(inBundle.getText(bundle)).isEqualTo(new PDFTextStripper().getText(single));
            }
        }
        try (PDDocument last = Loader.loadPDF(folder.resolve("print/bundle-0003.pdf").toFile())) {
            assertThat(last.getNumberOfPages()).isEqualTo(2);
        }
        // two letters, one copy of the shared font program: identical streams are stored once per bundle
        try (PDDocument first = Loader.loadPDF(folder.resolve("print/bundle-0001.pdf").toFile())) {
            java.util.Set<org.apache.pdfbox.cos.COSBase> programs = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>());
            int sharedFonts = 0;
            for (var page : first.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    if (font.getName().startsWith("EXNREG+")
                            && font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0) {
                        sharedFonts++;
                        programs.add(type0.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject());
                    }
                }
            }
            assertThat(sharedFonts).isGreaterThanOrEqualTo(2);
            assertThat(programs).hasSize(1);
        }
        assertThat(folder.resolve("print/bundle-0004.pdf")).doesNotExist();
        assertThat(job.metric("2026-11-24", "bundles")).isEqualTo("3");
    }

    @Test
    void envelopeCalibrationOptionWritesOneSheetAndRunsNoJob() throws IOException {
        JobRun job = new JobRun(dir);
        Path sheet = dir.resolve("calibration.pdf");
        assertThat(job.run(REGISTRY, "2026-11-24", "--envelope-calibration=" + sheet,
                "--notices.letter.address-block.x-mm=25")).isZero();
        try (PDDocument pdf = Loader.loadPDF(sheet.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("封筒窓位置").contains("25");
        }
        assertThat(job.folder("2026-11-24")).doesNotExist();
    }

    @Test
    void sameRunDateAgainDoesNothingAndNextNightSendsNoSecondLetter() throws IOException {
        JobRun job = new JobRun(dir);
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        Path manifest = job.folder("2026-11-24").resolve("manifest.csv");
        long modified = Files.getLastModifiedTime(manifest).toMillis();
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        assertThat(Files.getLastModifiedTime(manifest).toMillis()).isEqualTo(modified);

        assertThat(job.run(REGISTRY, "2026-11-25")).isZero();
        assertThat(job.lines("2026-11-25", "manifest.csv")).hasSize(1);
        assertThat(job.metric("2026-11-25", "not_selected.ALREADY_NOTIFIED")).isEqualTo("5");
        assertThat(job.metric("2026-11-25", "held")).isEqualTo("2");
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_NOTICE_LEDGER", Integer.class)).isEqualTo(9);
    }

    @Test
    void renewedCertificateIsNotifiedAgainWhenItsOwnWindowOpens() throws IOException {
        String header = Files.readAllLines(REGISTRY).get(0);
        Path before = dir.resolve("before.csv");
        Files.writeString(before, header + "\nR7,池袋 一郎,,1985-12-20,1710021,東京都豊島区西池袋,3-16-4,,2031-12-20,"
                + ",,,2021-12-21,,active,\n");
        // renewed inside the window on 2026-12-01: J-LIS records the new expiry (6th birthday)
        Path after = dir.resolve("after.csv");
        Files.writeString(after, header + "\nR7,池袋 一郎,,1985-12-20,1710021,東京都豊島区西池袋,3-16-4,,2036-12-20,"
                + ",,,2026-12-01,2032-12-20,active,\n");
        JobRun job = new JobRun(dir);
        assertThat(job.run(before, "2026-11-24")).isZero();
        assertThat(job.run(after, "2026-12-02")).isZero();
        assertThat(job.metric("2026-12-02", "letters")).isEqualTo("0");
        assertThat(job.metric("2026-12-02", "not_selected.NOT_YET_DUE")).isEqualTo("1");
        assertThat(job.run(after, "2032-09-21")).isZero();
        assertThat(job.lines("2032-09-21", "manifest.csv")).hasSize(2);
        assertThat(job.lines("2032-09-21", "manifest.csv").get(1)).startsWith("1,R7,1710021,2032-12-20,AUTH,OWN_LIMIT,");
        assertThat(job.jdbc().queryForList("SELECT KIND || ',' || EXPIRES_ON || ',' || RUN_DATE FROM EN_NOTICE_LEDGER "
                + "ORDER BY RUN_DATE", String.class)).containsExactly("AUTH,2026-12-20,2026-11-24",
                "AUTH,2032-12-20,2032-09-21");
    }

    @Test
    void dryRunWritesReportsButNoLettersNoLedgerNoSuccess() {
        JobRun job = new JobRun(dir);
        assertThat(job.run(REGISTRY, "2026-11-24", "--dry-run")).isZero();
        Path folder = job.folder("2026-11-24");
        assertThat(job.metric("2026-11-24", "selected")).isEqualTo("5");
        assertThat(job.metric("2026-11-24", "dry_run")).isEqualTo("true");
        assertThat(job.lines("2026-11-24", "rejects.csv")).hasSize(4);
        assertThat(folder.resolve("letters")).doesNotExist();
        assertThat(folder.resolve("_SUCCESS")).doesNotExist();
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_NOTICE_LEDGER", Integer.class)).isZero();
        // the real run afterwards is not blocked by the dry run
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        assertThat(folder.resolve("_SUCCESS")).exists();
    }

    @Test
    void unusableInputOrOptionsExitWithTwoAndWriteNothing() throws IOException {
        JobRun job = new JobRun(dir);
        Path missingColumn = dir.resolve("missing.csv");
        Files.writeString(missingColumn, "resident_id,name,birth_date\nR1,x,2000-01-01\n");
        assertThat(job.run(missingColumn, "2026-11-24")).isEqualTo(2);
        assertThat(job.run(dir.resolve("nope.csv"), "2026-11-24")).isEqualTo(2);
        assertThat(job.run(REGISTRY, "2026-02-30")).isEqualTo(2);
        assertThat(job.run(REGISTRY, "2026-11-24", "--encoding=NOPE-1")).isEqualTo(2);
        assertThat(job.run(REGISTRY, "2026-11-24", "--run_date=2026-11-24")).isEqualTo(2);
        assertThat(job.out.resolve("2026-11-24")).doesNotExist();
    }

    @Test
    void everyRowRejectedFailsWithTwoThenTheFixedFileCompletesTheSameRunDate() throws IOException {
        JobRun job = new JobRun(dir);
        Path bad = dir.resolve("bad.csv");
        String header = Files.readAllLines(REGISTRY).get(0);
        Files.writeString(bad, header + "\nR1,x,,2000-02-30,1700013,t,,,2030-01-01,,,,,,,\n");
        assertThat(job.run(bad, "2026-11-24")).isEqualTo(2);
        assertThat(job.folder("2026-11-24").resolve("_SUCCESS")).doesNotExist();
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        assertThat(job.lines("2026-11-24", "manifest.csv")).hasSize(6);
    }

    @Test
    void windows31JAndBomInputs() throws IOException {
        // 𠮷 (H800) has no Windows-31J code: leave that row out of both copies.
        String text = Files.readString(REGISTRY, StandardCharsets.UTF_8).replaceAll("(?m)^H800,.*\n", "");
        Path sjis = dir.resolve("sjis.csv");
        Files.write(sjis, text.replace("\n", "\r\n").getBytes(Charset.forName("Windows-31J")));
        JobRun a = new JobRun(dir.resolve("a"));
        assertThat(a.run(sjis, "2026-11-24", "--encoding=Windows-31J")).isZero();
        assertThat(a.metric("2026-11-24", "selected")).isEqualTo("5");
        assertThat(a.lines("2026-11-24", "rejects.csv")).hasSize(4);

        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + text);
        JobRun b = new JobRun(dir.resolve("b"));
        assertThat(b.run(bom, "2026-11-24", "--dry-run")).isZero();
        assertThat(b.metric("2026-11-24", "selected")).isEqualTo("5");

        JobRun c = new JobRun(dir.resolve("c"));
        assertThat(c.run(sjis, "2026-11-24")).as("Shift_JIS read as UTF-8").isEqualTo(2);
    }
}
