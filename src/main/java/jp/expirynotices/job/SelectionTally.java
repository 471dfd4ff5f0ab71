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
    private static final int KINDS = CertificateKind.values().length;
    private static final int REASONS = ExpiryReason.values().length;

    // What every row counts, in plain arrays by enum ordinal: a million rows are counted in the select step, and a
    // map look-up by name for each count was both slow and much code to compile. Named only by asMap().
    private long rowsRead;
    private long leapDay;
    private long selected;
    private final long[] notSelected = new long[NotDueReason.values().length];
    private final long[] selectedReason = new long[REASONS];
    private final long[] dueCertificates = new long[KINDS];
    private final long[] kindReason = new long[KINDS * REASONS];
    /** Selected residents by earliest expiry date: a run selects a few dozen dates; months and weeks named later. */
    private final Map<LocalDate, long[]> byExpiry = new HashMap<>();
    /** Everything else by metric name (rejects, held residents, blank lines, and counts read back by {@link #of}). */
    private final Map<String, long[]> counts = new HashMap<>();

    public void add(Screening screening) {
        rowsRead++;
        switch (screening) {
            case Screening.Rejected r -> reject(r.reject());
            case Screening.NotDue n -> {
                notSelected[n.reason().ordinal()]++;
                if (n.leapDayPolicyUsed()) {
                    leapDay++;
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
            leapDay++;
        }
        Candidate c = s.candidate();
        if (c.status() == Candidate.Status.HELD) {
            increment(HELD);
            String reason = c.heldReason();
            int colon = reason.indexOf(':');
            increment("held." + (colon < 0 ? reason : reason.substring(0, colon)));
            return;
        }
        selected++;
        selectedReason[c.reason().ordinal()]++;
        byExpiry.computeIfAbsent(c.earliestExpiry(), e -> new long[1])[0]++;
        for (CertificateExpiry cert : s.assessment().dueCertificates()) {
            int kind = cert.kind().ordinal();
            dueCertificates[kind]++;
            kindReason[kind * REASONS + cert.reason().ordinal()]++;
        }
    }

    public void merge(SelectionTally other) {
        rowsRead += other.rowsRead;
        leapDay += other.leapDay;
        selected += other.selected;
        addAll(notSelected, other.notSelected);
        addAll(selectedReason, other.selectedReason);
        addAll(dueCertificates, other.dueCertificates);
        addAll(kindReason, other.kindReason);
        other.byExpiry.forEach((date, n) -> byExpiry.computeIfAbsent(date, e -> new long[1])[0] += n[0]);
        other.counts.forEach((k, v) -> add(k, v[0]));
    }

    private static void addAll(long[] to, long[] from) {
        for (int i = 0; i < to.length; i++) {
            to[i] += from[i];
        }
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
        return asMap().getOrDefault(metric, 0L);
    }

    /** Every metric by name; a metric a row counts appears once a row has counted it, never as 0. */
    public Map<String, Long> asMap() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        put(out, ROWS_READ, rowsRead);
        put(out, LEAP_DAY, leapDay);
        put(out, SELECTED, selected);
        NOT_SELECTED.forEach((reason, name) -> put(out, name, notSelected[reason.ordinal()]));
        SELECTED_REASON.forEach((reason, name) -> put(out, name, selectedReason[reason.ordinal()]));
        DUE_CERTIFICATES.forEach((kind, name) -> put(out, name, dueCertificates[kind.ordinal()]));
        KIND_REASON.forEach((kind, byReason) -> byReason.forEach((reason, name) ->
                put(out, name, kindReason[kind.ordinal() * REASONS + reason.ordinal()])));
        byExpiry.forEach((date, n) -> {
            put(out, "expiry_month." + YearMonth.from(date), n[0]);
            put(out, "expiry_week." + date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), n[0]);
        });
        return out;
    }

    /** Adds a count kept outside {@link #counts}; none counted, none named. */
    private static void put(Map<String, Long> out, String metric, long n) {
        if (n > 0) {
            out.merge(metric, n, Long::sum);
        }
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
