package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a run of {@code fixtures/registry-small.csv} on 2026-11-24 must write, worked out by hand from domain.md and
 * interfaces.md (whatever database holds the job repository).
 */
final class FixtureExpectations {

    static final Path REGISTRY = JobRun.fixture("registry-small.csv");
    static final List<String> LEDGER = List.of("A200,AUTH", "A200,SIGN", "B100,AUTH", "B100,SIGN", "C300,AUTH",
            "G700,AUTH", "G700,SIGN", "R7,AUTH", "R7,SIGN");
    static final int SELECTED = 5;
    static final int HELD = 2;

    private FixtureExpectations() {
    }

    static void assertOutputs(JobRun job, String d) throws IOException {
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
            byte[] bytes = Files.readAllBytes(folder.resolve(f[6]));
            assertThat(f[8]).isEqualTo(sha256(bytes));
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
        assertThat(job.lines(d, "held.csv")).containsExactly("resident_id,reason", "D400,HOLD_MAIL",
                "H800,GLYPH_MISSING: U+20BB7");

        assertThat(job.metric(d, "rows_read")).isEqualTo("14");
        assertThat(job.metric(d, "rows_rejected")).isEqualTo("3");
        assertThat(job.metric(d, "rejected.INVALID_DATE")).isEqualTo("1");
        assertThat(job.metric(d, "selected")).isEqualTo("5");
        assertThat(job.metric(d, "held")).isEqualTo("2");
        assertThat(job.metric(d, "held.GLYPH_MISSING")).isEqualTo("1");
        assertThat(job.metric(d, "letters")).isEqualTo("5");
        assertThat(job.metric(d, "pages")).isEqualTo("10");
        assertThat(job.metric(d, "bundles")).isEqualTo("1");
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
        assertThat(folder.resolve("summary.pdf")).exists();
        assertThat(folder.resolve("print/bundle-0001.pdf")).exists();
        assertThat(folder.resolve("_SUCCESS")).exists();
        assertThat(temporaryFiles(folder)).isEmpty();
    }

    static List<Path> temporaryFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
