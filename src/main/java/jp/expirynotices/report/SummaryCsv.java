package jp.expirynotices.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.NotDueReason;

/**
 * {@code summary.csv}: {@code metric,value} rows carrying the same numbers as summary.pdf. Every fixed metric is
 * written even when zero, so scripts can rely on the names.
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    public static List<List<String>> rows(RunSummary s) {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "run_date", s.runDate());
        add(rows, "input_file", s.inputFile());
        add(rows, "dry_run", s.dryRun());
        add(rows, "window_months", s.windowMonths());
        add(rows, "leap_day_policy", s.leapDayPolicy());
        add(rows, "rows_read", s.rowsRead());
        add(rows, "rows_rejected", s.rowsRejected());
        s.rejectedByReason().forEach((k, v) -> add(rows, "rejected." + k, v));
        add(rows, "selected", s.selected());
        add(rows, "held", s.held());
        s.heldByReason().forEach((k, v) -> add(rows, "held." + k, v));
        add(rows, "letters", s.letters());
        add(rows, "pages", s.pages());
        add(rows, "bundles", s.bundles());
        add(rows, "no_barcode", s.noBarcode());
        for (NotDueReason r : NotDueReason.values()) {
            add(rows, "not_selected." + r.name(), s.notSelectedByReason().getOrDefault(r, 0L));
        }
        for (CertificateKind k : CertificateKind.values()) {
            add(rows, "due_certificates." + k.name(), s.dueByKind().getOrDefault(k, 0L));
        }
        for (ExpiryReason r : ExpiryReason.values()) {
            add(rows, "selected_reason." + r.name(), s.selectedByReason().getOrDefault(r, 0L));
        }
        for (CertificateKind k : CertificateKind.values()) {
            Map<ExpiryReason, Long> byReason = s.kindByReason().getOrDefault(k, Map.of());
            for (ExpiryReason r : ExpiryReason.values()) {
                add(rows, "kind_reason." + k.name() + "." + r.name(), byReason.getOrDefault(r, 0L));
            }
        }
        s.selectedByExpiryMonth().forEach((k, v) -> add(rows, "expiry_month." + k, v));
        s.selectedByExpiryWeek().forEach((k, v) -> add(rows, "expiry_week." + k, v));
        add(rows, "leap_day_policy_residents", s.leapDayPolicyResidents());
        return rows;
    }

    public static void write(RunSummary summary, Path target) {
        CsvTable.write(target, List.of("metric", "value"), rows(summary));
    }

    private static void add(List<List<String>> rows, String metric, Object value) {
        rows.add(List.of(metric, String.valueOf(value)));
    }
}
