package jp.expirynotices.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openpdf.text.pdf.BaseFont;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.LeapDayPolicy;
import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.letter.FontSettings;
import jp.expirynotices.letter.LetterFonts;
import jp.expirynotices.registry.Reject;

final class ReportFixtures {

    static final Path REGULAR = Path.of("/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf");
    static final Path BOLD = Path.of("/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf");

    private ReportFixtures() {
    }

    private static LetterFonts fonts;

    /** The letters' fonts, loaded once (BIZ UD Gothic from the system font folder). */
    static synchronized LetterFonts fonts() {
        if (fonts == null) {
            fonts = LetterFonts.load(new FontSettings(Optional.of(REGULAR), Optional.of(BOLD)));
        }
        return fonts;
    }

    /** A BaseFont made directly, for the BaseFont constructors. */
    static BaseFont baseFont(Path path) {
        try {
            return BaseFont.createFont(path.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A night of a mid-sized town: 1,250 rows, 23 rejected (the summary carries the first 22 of them), 312 letters.
     * read = rejected + selected + held + not selected (23 + 312 + 4 + 911).
     */
    static RunSummary summary(Path outputFolder, boolean dryRun) {
        TreeMap<String, Long> rejected = new TreeMap<>(Map.of("INVALID_DATE", 15L, "MISSING_VALUE", 8L));
        TreeMap<String, Long> held = new TreeMap<>(Map.of("HOLD_MAIL", 3L, "ADDRESS_UNKNOWN", 1L));
        Map<NotDueReason, Long> notSelected = new EnumMap<>(NotDueReason.class);
        notSelected.put(NotDueReason.NO_CERTIFICATE, 120L);
        notSelected.put(NotDueReason.CARD_EXPIRED, 11L);
        notSelected.put(NotDueReason.EXPIRED, 7L);
        notSelected.put(NotDueReason.NOT_YET_DUE, 770L);
        notSelected.put(NotDueReason.ALREADY_NOTIFIED, 3L);
        Map<CertificateKind, Long> dueByKind = new EnumMap<>(Map.of(CertificateKind.SIGN, 300L,
                CertificateKind.AUTH, 250L));
        Map<ExpiryReason, Long> selectedByReason = new EnumMap<>(Map.of(ExpiryReason.CARD_EXPIRY, 60L,
                ExpiryReason.OWN_LIMIT, 230L, ExpiryReason.AUTH_CERT_EXPIRY, 22L));
        Map<CertificateKind, Map<ExpiryReason, Long>> kindByReason = new EnumMap<>(CertificateKind.class);
        kindByReason.put(CertificateKind.SIGN, new EnumMap<>(Map.of(ExpiryReason.CARD_EXPIRY, 40L,
                ExpiryReason.OWN_LIMIT, 200L, ExpiryReason.AUTH_CERT_EXPIRY, 60L)));
        kindByReason.put(CertificateKind.AUTH, new EnumMap<>(Map.of(ExpiryReason.CARD_EXPIRY, 50L,
                ExpiryReason.OWN_LIMIT, 200L)));
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>(Map.of(YearMonth.of(2026, 12), 100L,
                YearMonth.of(2027, 1), 110L, YearMonth.of(2027, 2), 102L));
        TreeMap<LocalDate, Long> byWeek = new TreeMap<>();
        long[] perWeek = {9, 25, 24, 22, 20, 31, 26, 22, 27, 25, 21, 30, 23, 7};
        LocalDate monday = LocalDate.of(2026, 11, 23);
        for (long n : perWeek) {
            if (n != 26) { // one week without letters: the chart must still show it
                byWeek.put(monday, n);
            }
            monday = monday.plusWeeks(1);
        }
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            long line = 14 + i * 37L;
            String id = String.format("R%08d", 1031 + i * 53);
            rejects.add(i % 3 == 2
                    ? new Reject(line, id, "address", "MISSING_VALUE: required column is empty")
                    : new Reject(line, id, "birth_date", "INVALID_DATE: not a calendar date in yyyy-MM-dd form"));
        }
        return new RunSummary(LocalDate.of(2026, 11, 24), "/data/inbound/juki_certificates_20261124.csv", dryRun, 3,
                LeapDayPolicy.FEB_28, 1250, 23, rejected, 312, 4, held, 312, 624, 2, 5, notSelected, dueByKind,
                selectedByReason, kindByReason, byMonth, byWeek, 2, rejects, outputFolder);
    }

    /** Keeps a copy of {@code pdf} and its page-1 PNG under {@code target/report-preview} for eyeballing. */
    static void preview(Path pdf, String name) throws IOException, InterruptedException {
        Path dir = Path.of("target", "report-preview");
        Files.createDirectories(dir);
        Path copy = dir.resolve(name + ".pdf");
        Files.copy(pdf, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            new ProcessBuilder("pdftoppm", "-r", "60", "-png", copy.toString(), dir.resolve(name).toString())
                    .inheritIO().start().waitFor();
        } catch (IOException e) {
            // pdftoppm missing: the preview is a convenience only
        }
    }
}
