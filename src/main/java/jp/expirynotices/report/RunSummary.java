package jp.expirynotices.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.LeapDayPolicy;
import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.registry.Reject;

/**
 * The night's numbers, shared by {@code summary.csv} and {@code summary.pdf}. No personal data.
 *
 * @param rejectedByReason      reject reason code (e.g. {@code INVALID_DATE}) → rows
 * @param heldByReason          held reason code (e.g. {@code HOLD_MAIL}) → residents
 * @param notSelectedByReason   valid, not-held residents that get no letter, by reason
 * @param dueByKind             due certificates among the selected residents, by kind
 * @param selectedByReason      selected residents by the reason of their earliest due certificate
 * @param kindByReason          due certificates of selected residents by kind, then by their own reason
 * @param selectedByExpiryMonth selected residents by the month of their earliest expiry
 * @param selectedByExpiryWeek  selected residents by the Monday of the week of their earliest expiry
 * @param leapDayPolicyResidents valid residents whose limit was computed under the leap-day policy
 * @param firstRejects          the first rejects in line order (at most a few dozen)
 * @param outputFolder          {@code <output-dir>/<run-date>}
 */
public record RunSummary(LocalDate runDate, String inputFile, boolean dryRun, int windowMonths,
                         LeapDayPolicy leapDayPolicy,
                         long rowsRead, long rowsRejected, SortedMap<String, Long> rejectedByReason,
                         long selected, long held, SortedMap<String, Long> heldByReason,
                         long letters, long pages, long bundles, long noBarcode,
                         Map<NotDueReason, Long> notSelectedByReason,
                         Map<CertificateKind, Long> dueByKind,
                         Map<ExpiryReason, Long> selectedByReason,
                         Map<CertificateKind, Map<ExpiryReason, Long>> kindByReason,
                         SortedMap<YearMonth, Long> selectedByExpiryMonth,
                         SortedMap<LocalDate, Long> selectedByExpiryWeek,
                         long leapDayPolicyResidents,
                         List<Reject> firstRejects,
                         Path outputFolder) {
}
