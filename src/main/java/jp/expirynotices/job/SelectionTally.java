package jp.expirynotices.job;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.registry.Reject;

/**
 * The select step's counts, by metric name as they appear in summary.csv. Counts only what a chunk wrote, so that
 * it agrees with the staged rows.
 */
public final class SelectionTally {

    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_REJECTED = "rows_rejected";
    public static final String BLANK_LINES = "blank_lines_skipped";
    public static final String SELECTED = "selected";
    public static final String HELD = "held";
    public static final String LEAP_DAY = "leap_day_policy_residents";

    private final Map<String, Long> counts = new TreeMap<>();

    public void add(Screening screening) {
        increment(ROWS_READ);
        switch (screening) {
            case Screening.Rejected r -> reject(r.reject());
            case Screening.NotDue n -> {
                increment("not_selected." + n.reason().name());
                if (n.leapDayPolicyUsed()) {
                    increment(LEAP_DAY);
                }
            }
            case Screening.Staged s -> staged(s);
        }
    }

    private void reject(Reject reject) {
        increment(ROWS_REJECTED);
        increment("rejected." + reject.reasonCode());
    }

    private void staged(Screening.Staged s) {
        if (s.assessment().leapDayPolicyUsed()) {
            increment(LEAP_DAY);
        }
        Candidate c = s.candidate();
        if (c.status() == Candidate.Status.HELD) {
            increment(HELD);
            String reason = c.heldReason();
            int colon = reason.indexOf(':');
            increment("held." + (colon < 0 ? reason : reason.substring(0, colon)));
            return;
        }
        increment(SELECTED);
        increment("selected_reason." + c.reason().name());
        LocalDate e = c.earliestExpiry();
        increment("expiry_month." + YearMonth.from(e));
        increment("expiry_week." + e.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        for (CertificateExpiry cert : s.assessment().dueCertificates()) {
            increment("due_certificates." + cert.kind().name());
            increment("kind_reason." + cert.kind().name() + "." + cert.reason().name());
        }
    }

    public void merge(SelectionTally other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }

    public void addBlankLines(long lines) {
        counts.merge(BLANK_LINES, lines, Long::sum);
    }

    private void increment(String metric) {
        counts.merge(metric, 1L, Long::sum);
    }

    public long get(String metric) {
        return counts.getOrDefault(metric, 0L);
    }

    public Map<String, Long> asMap() {
        return new TreeMap<>(counts);
    }

    public static SelectionTally of(Map<String, Long> counts) {
        SelectionTally tally = new SelectionTally();
        tally.counts.putAll(counts);
        return tally;
    }
}
