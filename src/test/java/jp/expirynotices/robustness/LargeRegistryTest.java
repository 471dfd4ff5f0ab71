package jp.expirynotices.robustness;

import static jp.expirynotices.robustness.Registry.HEADER;
import static jp.expirynotices.robustness.Registry.RUN_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.expirynotices.job.Child;
import jp.expirynotices.job.JobRun;
import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.Reject;
import jp.expirynotices.registry.RegistryInputException;
import jp.expirynotices.registry.RegistryReader;
import jp.expirynotices.registry.RegistryValidator;
import jp.expirynotices.registry.ValidationOutcome;

/**
 * The catalogue's very large files (streamed to a temporary file, about 120 bytes a row), each with one bad row at
 * the very end: the reader and the row rules keep exact line numbers all the way through two million rows (240 MB),
 * and the whole job run in a process of its own (as the operator runs it) on a 36 MB file stops on its last line
 * with one message, no stack trace, and no folder left behind.
 */
class LargeRegistryTest {

    @TempDir
    Path dir;

    /** Rows with certificates issued 2026-11-01: valid, not due on {@link Registry#RUN_DATE}. */
    static Path registry(Path file, int rows, byte[] lastRow) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 1; i <= rows; i++) {
                out.write(("P" + i + ",SMITH JOHN,,1985-12-20,1700013,Tokyo Toshima,1-2-3,,2036-12-20,2026-11-01,,"
                        + "active,2026-11-01,,active,\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(lastRow);
        }
        return file;
    }

    @Test
    void twoMillionRowsWithOneRejectAtTheEnd() throws IOException {
        int rows = 2_000_000;
        Path file = registry(dir.resolve("registry.csv"), rows, Registry.row("LAST", "birth_date", "2026-02-29")
                .getBytes(StandardCharsets.UTF_8));
        long[] valid = {0};
        List<Reject> rejects = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (RegistryReader reader = RegistryReader.open(file, StandardCharsets.UTF_8, true)) {
                RegistryValidator validator = new RegistryValidator(LocalDate.parse(RUN_DATE));
                for (RawRecord r = reader.next(); r != null; r = reader.next()) {
                    switch (validator.validate(r, reader.header())) {
                        case ValidationOutcome.Valid v -> valid[0]++;
                        case ValidationOutcome.Invalid i -> rejects.add(i.reject());
                    }
                }
            }
        });
        assertThat(valid[0]).isEqualTo(rows);
        assertThat(rejects).containsExactly(new Reject(rows + 2L, "LAST", "birth_date",
                "INVALID_DATE: birth_date must be a real date written yyyy-MM-dd or yyyy/MM/dd"));
    }

    @Test
    void bytesThatAreNotUtf8AfterManyRowsStopTheRunInOneLineAndLeaveNoFolder() throws Exception {
        // the whole job reads about 40 000 rows a second on a small machine: 300 000 keep this under 20 s
        int rows = 300_000;
        Path file = registry(dir.resolve("registry.csv"), rows,
                BadInputCatalogueTest.badRow("LAST", 0xFF));
        // the reader alone: the exact line
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (RegistryReader reader = RegistryReader.open(file, StandardCharsets.UTF_8, true)) {
                while (reader.next() != null) {
                    // read on
                }
                throw new AssertionError("no error");
            } catch (RegistryInputException e) {
                assertThat(e.getMessage()).isEqualTo(file + ": line " + (rows + 2)
                        + ": bytes that are not valid UTF-8 (choose the file's encoding with --encoding=...)");
            }
        });
        // the whole job, in its own process
        JobRun job = new JobRun(dir.resolve("job"));
        Child child = Child.start(job.args(file, RUN_DATE));
        boolean ended = child.process().waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            child.process().destroyForcibly();
        }
        assertThat(ended).as("ended (no hang)").isTrue();
        JobRun.Outcome outcome = new JobRun.Outcome(child.process().exitValue(), child.output());
        BadInputCatalogueTest.assertOperatorOutput(outcome, 2);
        BadInputCatalogueTest.assertRefused(job, outcome, file, ": line " + (rows + 2) + ": bytes that are not "
                + "valid UTF-8");
        if (Files.exists(job.out)) {
            try (var left = Files.list(job.out)) {
                assertThat(left.toList()).as("nothing in the output folder").isEmpty();
            }
        }
    }
}
