package jp.expirynotices.job;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.NotDueReason;
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

    // Metric names of the enum values, made once: otherwise a name is put together for every row of the registry.
    private static final Map<NotDueReason, String> NOT_SELECTED = names(NotDueReason.class, "not_selected.");
    private static final Map<ExpiryReason, String> SELECTED_REASON = names(ExpiryReason.class, "selected_reason.");
    private static final Map<CertificateKind, String> DUE_CERTIFICATES =
            names(CertificateKind.class, "due_certificates.");
    private static final Map<CertificateKind, Map<ExpiryReason, String>> KIND_REASON = kindReasons();

    /** Counts by metric name, each a one-element array: counted in place, not boxed again for every row. */
    private final Map<String, long[]> counts = new HashMap<>();
    /** Month and week metric names by expiry date, made once for each of the few dozen dates a run selects. */
    private final Map<LocalDate, String[]> expiryNames = new HashMap<>();

    public void add(Screening screening) {
        increment(ROWS_READ);
        switch (screening) {
            case Screening.Rejected r -> reject(r.reject());
            case Screening.NotDue n -> {
                increment(NOT_SELECTED.get(n.reason()));
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
        increment(SELECTED_REASON.get(c.reason()));
        String[] names = expiryNames.computeIfAbsent(c.earliestExpiry(), e -> new String[] {
                "expiry_month." + YearMonth.from(e),
                "expiry_week." + e.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))});
        increment(names[0]);
        increment(names[1]);
        for (CertificateExpiry cert : s.assessment().dueCertificates()) {
            increment(DUE_CERTIFICATES.get(cert.kind()));
            increment(KIND_REASON.get(cert.kind()).get(cert.reason()));
        }
    }

    public void merge(SelectionTally other) {
        other.counts.forEach((k, v) -> add(k, v[0]));
    }

    public void addBlankLines(long lines) {
        add(BLANK_LINES, lines);
    }

    private void increment(String metric) {
        add(metric, 1);
    }

    private void add(String metric, long n) {
        counts.computeIfAbsent(metric, k -> new long[1])[0] += n;
    }

    public long get(String metric) {
        long[] count = counts.get(metric);
        return count == null ? 0 : count[0];
    }

    public Map<String, Long> asMap() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    public static SelectionTally of(Map<String, Long> counts) {
        SelectionTally tally = new SelectionTally();
        counts.forEach(tally::add);
        return tally;
    }

    private static <E extends Enum<E>> Map<E, String> names(Class<E> type, String prefix) {
        Map<E, String> names = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            names.put(value, prefix + value.name());
        }
        return Collections.unmodifiableMap(names);
    }

    private static Map<CertificateKind, Map<ExpiryReason, String>> kindReasons() {
        Map<CertificateKind, Map<ExpiryReason, String>> names = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : CertificateKind.values()) {
            names.put(kind, names(ExpiryReason.class, "kind_reason." + kind.name() + "."));
        }
        return Collections.unmodifiableMap(names);
    }
}
