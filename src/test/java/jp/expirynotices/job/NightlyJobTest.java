package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a small registry whose every outcome is worked out by hand in the fixture's comments. */
class NightlyJobTest {

    static final Path REGISTRY = JobRun.fixture("registry-small.csv");

    @TempDir
    Path dir;

    @Test
    void runOnFixtureWritesExactManifestRejectsHeldAndSummary() throws Exception {
        JobRun job = new JobRun(dir);
        assertThat(job.run(REGISTRY, "2026-11-24")).isZero();
        String d = "2026-11-24";
        Path folder = job.folder(d);

        List<String> manifest = job.lines(d, "manifest.csv");
        assertThat(manifest.get(0)).isEqualTo("sequence,resident_id,postal_code,earliest_expiry,certificates,reason,"
                + "letter_file,pages,sha256,customer_barcode");
        assertThat(manifest.subList(1, manifest.size()).stream().map(l -> String.join(",",
                List.of(l.split(",", -1)).subList(0, 7)))).containsExactly(
                "1,C300,1700005,2027-01-20,AUTH,CARD_EXPIRY,letters/C300.pdf",
                "2,A200,1700013,2027-02-01,AUTH;SIGN,OWN_LIMIT,letters/A200.pdf",
                "3,B100,1700013,2027-01-10,AUTH;SIGN,CARD_EXPIRY,letters/B100.pdf",
                "4,G700,1710000,2027-01-10,AUTH;SIGN,OWN_LIMIT,letters/G700.pdf",
                "5,R7,1710021,2026-12-20,AUTH;SIGN,OWN_LIMIT,letters/R7.pdf");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",", -1);
            Path letter = folder.resolve(f[6]);
            byte[] bytes = Files.readAllBytes(letter);
            assertThat(f[8]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertThat(f[7]).isEqualTo(Integer.toString(pdf.getNumberOfPages()));
            }
            // representative postal code (…00): no barcode; others: 67 bars
            assertThat(f[9]).hasSize(f[2].endsWith("00") ? 0 : 67);
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("letters/R7.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("池袋 一郎").contains("様").contains("171-0021").contains("令和8年12月20日");
        }

        assertThat(job.lines(d, "rejects.csv")).containsExactly(
                "line,resident_id,column,reason",
                "6,X900,birth_date,INVALID_DATE: birth_date must be a real date written yyyy-MM-dd or yyyy/MM/dd",
                "12,R7,resident_id,DUPLICATE_ID: resident_id repeats an earlier row's",
                "13,F600,address_block,CONTROL_CHARACTER: address_block contains a control character");
        assertThat(job.lines(d, "held.csv")).containsExactly("resident_id,reason", "D400,HOLD_MAIL");

        assertThat(job.metric(d, "rows_read")).isEqualTo("13");
        assertThat(job.metric(d, "rows_rejected")).isEqualTo("3");
        assertThat(job.metric(d, "rejected.INVALID_DATE")).isEqualTo("1");
        assertThat(job.metric(d, "selected")).isEqualTo("5");
        assertThat(job.metric(d, "held")).isEqualTo("1");
        assertThat(job.metric(d, "letters")).isEqualTo("5");
        assertThat(job.metric(d, "no_barcode")).isEqualTo("1");
        assertThat(job.metric(d, "not_selected.NOT_YET_DUE")).isEqualTo("1");
        assertThat(job.metric(d, "not_selected.EXPIRED")).isEqualTo("1");
        assertThat(job.metric(d, "not_selected.NO_CERTIFICATE")).isEqualTo("1");
        assertThat(job.metric(d, "not_selected.CARD_EXPIRED")).isEqualTo("1");
        assertThat(job.metric(d, "due_certificates.AUTH")).isEqualTo("5");
        assertThat(job.metric(d, "due_certificates.SIGN")).isEqualTo("4");
        assertThat(job.metric(d, "selected_reason.CARD_EXPIRY")).isEqualTo("2");
        assertThat(job.metric(d, "kind_reason.SIGN.AUTH_CERT_EXPIRY")).isEqualTo("1");
        assertThat(job.metric(d, "expiry_month.2027-01")).isEqualTo("3");
        assertThat(Files.exists(folder.resolve("summary.pdf"))).isTrue();
        assertThat(Files.exists(folder.resolve("_SUCCESS"))).isTrue();
        assertThat(Files.exists(folder.resolve("print/bundle-0001.pdf"))).isTrue();
        try (var files = Files.walk(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }

        assertThat(job.jdbc().queryForList("SELECT RESIDENT_ID || ',' || KIND FROM EN_NOTICE_LEDGER "
                + "ORDER BY RESIDENT_ID, KIND", String.class)).containsExactly("A200,AUTH", "A200,SIGN", "B100,AUTH",
                "B100,SIGN", "C300,AUTH", "G700,AUTH", "G700,SIGN", "R7,AUTH", "R7,SIGN");
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE NAME IS NOT NULL",
                Integer.class)).as("personal data cleared after the run").isZero();
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
        assertThat(job.metric("2026-11-25", "held")).isEqualTo("1");
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_NOTICE_LEDGER", Integer.class)).isEqualTo(9);
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
        String text = Files.readString(REGISTRY, StandardCharsets.UTF_8);
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
