package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryReader;

/**
 * The select step's counts, as summary.csv names them, for the samples screened on many run dates: compared with
 * the counts written out plainly by name, one row at a time; the same whether a run is counted in one tally or in
 * chunks merged; and the same after being kept in the execution context and read back.
 */
class SelectionTallyTest {

    @Test
    void countsWhatEachRowWasByMetricName() {
        int selectedRuns = 0;
        int heldRuns = 0;
        int leapDayRuns = 0;
        for (LocalDate runDate = LocalDate.of(2026, 1, 5); runDate.getYear() < 2031; runDate = runDate.plusDays(37)) {
            List<Screening> screenings = screenSamples(runDate);
            SelectionTally tally = new SelectionTally();
            screenings.forEach(tally::add);
            Map<String, Long> expected = byName(screenings);
            assertThat(tally.asMap()).as("run date %s", runDate).isEqualTo(expected);
            expected.forEach((metric, n) -> assertThat(tally.get(metric)).as(metric).isEqualTo(n));
            assertThat(tally.get("not_a_metric")).isZero();

            SelectionTally merged = new SelectionTally();
            for (int from = 0; from < screenings.size(); from += 7) {
                SelectionTally chunk = new SelectionTally();
                screenings.subList(from, Math.min(from + 7, screenings.size())).forEach(chunk::add);
                merged.merge(chunk);
            }
            assertThat(merged.asMap()).as("run date %s in chunks", runDate).isEqualTo(expected);
            assertThat(SelectionTally.of(tally.asMap()).asMap()).isEqualTo(expected);

            selectedRuns += expected.containsKey(SelectionTally.SELECTED) ? 1 : 0;
            heldRuns += expected.containsKey(SelectionTally.HELD) ? 1 : 0;
            leapDayRuns += expected.containsKey(SelectionTally.LEAP_DAY) ? 1 : 0;
            assertThat(expected.get(SelectionTally.ROWS_REJECTED)).isPositive();
        }
        assertThat(selectedRuns).as("runs that select letters").isGreaterThan(40);
        assertThat(heldRuns).as("runs with held residents").isPositive();
        assertThat(leapDayRuns).as("runs where the leap-day rule was used").isPositive();
    }

    @Test
    void blankLinesAreNamedEvenWhenThereAreNone() {
        SelectionTally tally = new SelectionTally();
        tally.addBlankLines(0);
        assertThat(tally.asMap()).containsExactly(Map.entry(SelectionTally.BLANK_LINES, 0L));
        tally.addBlankLines(3);
        tally.merge(SelectionTally.of(Map.of(SelectionTally.ROWS_READ, 5L, SelectionTally.SELECTED, 2L)));
        assertThat(tally.asMap()).isEqualTo(Map.of(SelectionTally.BLANK_LINES, 3L, SelectionTally.ROWS_READ, 5L,
                SelectionTally.SELECTED, 2L));
    }

    private static List<Screening> screenSamples(LocalDate runDate) {
        Screener screener = new Screener(runDate, ExpiryCalculator.defaults(), (id, e) -> Set.of(),
                text -> Set.of());
        List<Screening> screenings = new ArrayList<>();
        try (RegistryReader reader = RegistryReader.open(Path.of("input-samples/registry.csv"),
                StandardCharsets.UTF_8, true)) {
            for (RawRecord rec = reader.next(); rec != null; rec = reader.next()) {
                screenings.add(screener.screen(rec, reader.header()));
            }
        }
        return screenings;
    }

    /** The counts spelled out by name, row by row. */
    private static Map<String, Long> byName(List<Screening> screenings) {
        Map<String, Long> m = new TreeMap<>();
        for (Screening screening : screenings) {
            count(m, SelectionTally.ROWS_READ);
            switch (screening) {
                case Screening.Rejected r -> {
                    count(m, SelectionTally.ROWS_REJECTED);
                    count(m, "rejected." + r.reject().reasonCode());
                }
                case Screening.NotDue n -> {
                    count(m, "not_selected." + n.reason());
                    if (n.leapDayPolicyUsed()) {
                        count(m, SelectionTally.LEAP_DAY);
                    }
                }
                case Screening.Staged s -> {
                    if (s.assessment().leapDayPolicyUsed()) {
                        count(m, SelectionTally.LEAP_DAY);
                    }
                    Candidate c = s.candidate();
                    if (c.status() == Candidate.Status.HELD) {
                        count(m, SelectionTally.HELD);
                        count(m, "held." + c.heldReason().split(":")[0]);
                    } else {
                        count(m, SelectionTally.SELECTED);
                        count(m, "selected_reason." + c.reason());
                        count(m, "expiry_month." + YearMonth.from(c.earliestExpiry()));
                        count(m, "expiry_week." + c.earliestExpiry().with(
                                TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
                        for (CertificateExpiry cert : s.assessment().dueCertificates()) {
                            count(m, "due_certificates." + cert.kind());
                            count(m, "kind_reason." + cert.kind() + "." + cert.reason());
                        }
                    }
                }
            }
        }
        return m;
    }

    private static void count(Map<String, Long> m, String metric) {
        m.merge(metric, 1L, Long::sum);
    }
}
