package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.letter.FontSettings;
import jp.expirynotices.letter.LetterFonts;
import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryReader;

/** The committed samples keep their promise: a run on any date of the next five years selects a dozen letters. */
class SamplesTest {

    static final LetterFonts FONTS = LetterFonts.load(FontSettings.search());

    @Test
    void utf8SampleSelectsAtLeastTwelveOnEveryWeekOfFiveYears() {
        Map<LocalDate, Integer> selected = new TreeMap<>();
        for (LocalDate r = LocalDate.of(2026, 11, 24); r.isBefore(LocalDate.of(2031, 11, 24)); r = r.plusWeeks(1)) {
            selected.put(r, count(Path.of("input-samples/registry.csv"), StandardCharsets.UTF_8, r).selected);
        }
        assertThat(selected).hasSize(261);
        assertThat(selected.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(12));
    }

    @Test
    void samplesHaveBadRowsHeldMailAnd外字() {
        Counts c = count(Path.of("input-samples/registry.csv"), StandardCharsets.UTF_8, LocalDate.of(2026, 11, 24));
        assertThat(c.rejected).isEqualTo(8);
        assertThat(c.selected).isGreaterThanOrEqualTo(12);
        Counts sjis = count(Path.of("input-samples/registry-sjis.csv"), Charset.forName("Windows-31J"),
                LocalDate.of(2026, 11, 24));
        assertThat(sjis.rejected).isZero();
        assertThat(sjis.read).isEqualTo(30);
        assertThat(sjis.selected).isPositive();
    }

    record Counts(int read, int rejected, int selected) {
    }

    private static Counts count(Path file, Charset charset, LocalDate runDate) {
        Screener screener = new Screener(runDate, ExpiryCalculator.defaults(), (id, e) -> Set.of(),
                FONTS::missingCodePoints);
        int read = 0;
        int rejected = 0;
        int selected = 0;
        try (RegistryReader reader = RegistryReader.open(file, charset, true)) {
            for (RawRecord rec = reader.next(); rec != null; rec = reader.next()) {
                read++;
                switch (screener.screen(rec, reader.header())) {
                    case Screening.Rejected r -> rejected++;
                    case Screening.Staged s when s.candidate().status() == Candidate.Status.SELECTED -> selected++;
                    default -> { }
                }
            }
        }
        return new Counts(read, rejected, selected);
    }
}
