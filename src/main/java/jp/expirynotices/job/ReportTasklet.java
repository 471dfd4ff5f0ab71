package jp.expirynotices.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.registry.Reject;
import jp.expirynotices.report.CsvTable;
import jp.expirynotices.report.OutputFiles;
import jp.expirynotices.report.RunSummary;
import jp.expirynotices.report.SummaryCsv;

/**
 * Writes the run's tables and summary from the database, then {@code _SUCCESS} last (not for a dry run), then
 * clears the held residents' personal data (the letters' was cleared as each letter was checked). Safe to run again
 * after a crash: it rewrites the same files.
 */
public class ReportTasklet implements Tasklet {

    public static final String SUCCESS = "_SUCCESS";
    public static final List<String> MANIFEST_HEADER = List.of("sequence", "resident_id", "postal_code",
            "earliest_expiry", "certificates", "reason", "letter_file", "pages", "sha256", "customer_barcode");
    static final int FIRST_REJECTS = 50;
    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final RunStore store;
    private final RunRequest request;
    private final JobSettings settings;
    private final SummaryRenderer summaryPdf;
    /** True once the files are written: the next call clears the held residents' personal data. */
    private boolean written;

    /** Draws summary.pdf; the letter fonts are only loaded for real runs. */
    @FunctionalInterface
    public interface SummaryRenderer {
        void write(RunSummary summary, Path target);
    }

    public ReportTasklet(RunStore store, RunRequest request, JobSettings settings, SummaryRenderer summaryPdf) {
        this.store = store;
        this.request = request;
        this.settings = settings;
        this.summaryPdf = summaryPdf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        if (written) {
            // Its own transaction. The letters' personal data was cleared as each was checked (verify step).
            store.purgeHeldPersonalData(instanceId);
            return RepeatStatus.FINISHED;
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> counts = (Map<String, Long>) chunkContext.getStepContext().getStepExecution()
                .getJobExecution().getExecutionContext().get(SelectionWriter.TALLY_KEY);
        SelectionTally tally = SelectionTally.of(Objects.requireNonNullElse(counts, Map.of()));
        Path folder = OutputFiles.directory(request.runFolder());

        // Every table is streamed from the database to its file: none is held in memory whole.
        CsvTable.write(folder.resolve("manifest.csv"), MANIFEST_HEADER,
                sink -> store.manifest(instanceId, m -> sink.accept(row(m))));
        CsvTable.write(folder.resolve("rejects.csv"), List.of("line", "resident_id", "column", "reason"),
                sink -> store.rejects(instanceId, Long.MAX_VALUE, r -> sink.accept(
                        List.of(Long.toString(r.line()), r.residentId(), r.column(), r.reason()))));
        CsvTable.write(folder.resolve("held.csv"), List.of("resident_id", "reason"),
                sink -> store.held(instanceId, h -> sink.accept(List.of(h[0], h[1]))));

        RunSummary summary = summary(tally, store.letterTotals(instanceId), store.rejects(instanceId, FIRST_REJECTS));
        SummaryCsv.write(summary, folder.resolve("summary.csv"));
        summaryPdf.write(summary, folder.resolve("summary.pdf"));

        if (!request.dryRun()) {
            OutputFiles.write(folder.resolve(SUCCESS), new byte[0]);
        }
        log.info("run {}{}: {} rows read, {} rejected, {} selected, {} held, {} letters, {} pages, {} bundles -> {}",
                request.runDate(), request.dryRun() ? " (dry run)" : "", summary.rowsRead(), summary.rowsRejected(),
                summary.selected(), summary.held(), summary.letters(), summary.pages(), summary.bundles(), folder);
        if (request.dryRun()) {
            return RepeatStatus.FINISHED;
        }
        written = true;
        return RepeatStatus.CONTINUABLE;
    }

    private static List<String> row(ManifestRow m) {
        return List.of(Integer.toString(m.sequence()), m.residentId(), m.postalCode(), m.earliestExpiry().toString(),
                m.certificates(), m.reason(), str(m.letterFile()), str(m.pages()), str(m.sha256()),
                str(m.customerBarcode()));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    RunSummary summary(SelectionTally tally, RunStore.LetterTotals totals, List<Reject> firstRejects) {
        Map<String, Long> m = tally.asMap();
        long letters = totals.letters();
        long pages = totals.pages();
        long bundles = totals.bundles();
        long noBarcode = totals.noBarcode();
        Map<NotDueReason, Long> notSelected = new EnumMap<>(NotDueReason.class);
        for (NotDueReason r : NotDueReason.values()) {
            notSelected.put(r, m.getOrDefault("not_selected." + r.name(), 0L));
        }
        Map<CertificateKind, Long> dueByKind = new EnumMap<>(CertificateKind.class);
        Map<CertificateKind, Map<ExpiryReason, Long>> kindByReason = new EnumMap<>(CertificateKind.class);
        for (CertificateKind k : CertificateKind.values()) {
            dueByKind.put(k, m.getOrDefault("due_certificates." + k.name(), 0L));
            Map<ExpiryReason, Long> byReason = new EnumMap<>(ExpiryReason.class);
            for (ExpiryReason r : ExpiryReason.values()) {
                byReason.put(r, m.getOrDefault("kind_reason." + k.name() + "." + r.name(), 0L));
            }
            kindByReason.put(k, byReason);
        }
        Map<ExpiryReason, Long> byReason = new EnumMap<>(ExpiryReason.class);
        for (ExpiryReason r : ExpiryReason.values()) {
            byReason.put(r, m.getOrDefault("selected_reason." + r.name(), 0L));
        }
        SortedMap<YearMonth, Long> byMonth = new TreeMap<>();
        SortedMap<LocalDate, Long> byWeek = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("expiry_month.")) {
                byMonth.put(YearMonth.parse(k.substring("expiry_month.".length())), v);
            } else if (k.startsWith("expiry_week.")) {
                byWeek.put(LocalDate.parse(k.substring("expiry_week.".length())), v);
            }
        });
        return new RunSummary(request.runDate(), request.input().toString(), request.dryRun(), settings.windowMonths(),
                settings.leapDayPolicy(), tally.get(SelectionTally.ROWS_READ), tally.get(SelectionTally.ROWS_REJECTED),
                prefixed(m, "rejected."), tally.get(SelectionTally.SELECTED), tally.get(SelectionTally.HELD),
                prefixed(m, "held."), letters, pages, bundles, noBarcode, notSelected, dueByKind, byReason,
                kindByReason, byMonth, byWeek, tally.get(SelectionTally.LEAP_DAY),
                new ArrayList<>(firstRejects), request.runFolder());
    }

    private static SortedMap<String, Long> prefixed(Map<String, Long> m, String prefix) {
        SortedMap<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    static boolean completed(Path runFolder) {
        return Files.exists(runFolder.resolve(SUCCESS));
    }
}
