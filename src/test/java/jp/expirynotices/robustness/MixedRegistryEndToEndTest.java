package jp.expirynotices.robustness;

import static jp.expirynotices.robustness.Registry.HEADER;
import static jp.expirynotices.robustness.Registry.RUN_DATE;
import static jp.expirynotices.robustness.Registry.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

import jp.expirynotices.job.JobRun;

/**
 * Every row case of the catalogue ({@link RowCases}) in one registry, each after a good row and with LF, CRLF and
 * CR line ends in turn, run once as the operator would (after another night's run into the same output folder):
 * exit 0; every due good row has its letter and manifest row; every bad row is in {@code rejects.csv} with its line,
 * id, column and reason; held and not-due rows are where they belong; the run folder holds nothing else; its folders
 * are 0750 and files 0640; nothing outside {@code <output-dir>/<run-date>/} was written, and the other night's
 * folder is untouched; no field of a CSV output can start a spreadsheet formula.
 */
class MixedRegistryEndToEndTest {

    static final String PREVIOUS_NIGHT = "2026-11-23";
    static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};
    /** RunStore keeps this much of a rejected row's id (it may be a whole misplaced line). */
    static final int REJECT_ID_CHARS = 100;

    @TempDir
    static Path shared;
    static JobRun job;
    static JobRun.Outcome outcome;
    static Path input;
    static final List<List<String>> expectedRejects = new ArrayList<>();
    static final Map<String, String> expectedLetters = new TreeMap<>();
    static final List<String> expectedHeld = new ArrayList<>();
    static final Map<String, Integer> expectedNotDue = new TreeMap<>();
    static long rows;
    static Map<String, String> outsideBefore;
    static Map<String, String> outsideAfter;
    static Set<String> workingDirBefore;
    static Set<String> workingDirAfter;
    static Map<String, String> previousNightBefore;

    @BeforeAll
    static void runOnce() throws IOException {
        job = new JobRun(shared.resolve("job"));
        assertThat(job.run(JobRun.fixture("registry-small.csv"), PREVIOUS_NIGHT)).isZero();
        previousNightBefore = snapshot(job.folder(PREVIOUS_NIGHT), p -> true);

        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        int n = 0;
        for (RowCases.RowCase c : RowCases.all()) {
            String end = LINE_ENDS[n % LINE_ENDS.length];
            String good = String.format("G%03d", ++n);
            csv.append(row(good)).append(end);
            expectedLetters.put(good, Registry.DUE_AS);
            for (String id : c.before()) {
                csv.append(row(id)).append(end);
                expectedLetters.put(id, Registry.DUE_AS);
            }
            long line = Registry.lineBreaks(csv) + 1;
            csv.append(c.row()).append(end);
            rows += 2 + c.before().size();
            String id = c.row().substring(0, Math.max(0, c.row().indexOf(',')));
            switch (c.expect()) {
                case RowCases.Rejected r -> expectedRejects.add(List.of(Long.toString(line),
                        neutralised(r.residentId().substring(0, Math.min(REJECT_ID_CHARS, r.residentId().length()))),
                        r.column(), r.code()));
                case RowCases.Letter l -> expectedLetters.put(id, l.dueAs());
                case RowCases.Held h -> expectedHeld.add(id + "," + h.reason());
                case RowCases.NotDue d -> expectedNotDue.merge(d.reason(), 1, Integer::sum);
            }
        }
        csv.append(row("G_LAST")).append("\n");
        expectedLetters.put("G_LAST", Registry.DUE_AS);
        rows++;
        input = Files.writeString(Files.createDirectories(shared.resolve("input")).resolve("registry.csv"), csv,
                StandardCharsets.UTF_8);

        Path runFolder = job.folder(RUN_DATE);
        Path db = job.dir.resolve("db");
        outsideBefore = snapshot(shared, p -> !p.startsWith(runFolder) && !p.startsWith(db));
        workingDirBefore = listing(Path.of("").toAbsolutePath());
        outcome = job.runCapturingStderr(input, RUN_DATE);
        outsideAfter = snapshot(shared, p -> !p.startsWith(runFolder) && !p.startsWith(db));
        workingDirAfter = listing(Path.of("").toAbsolutePath());
    }

    /** interfaces.md §3: a field starting with = + - @ tab or CR gets a leading '. */
    static String neutralised(String field) {
        return !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }

    @Test
    void exitsZeroWithALogOfCountsOnly() {
        BadInputCatalogueTest.assertOperatorOutput(outcome, 0);
        assertThat(outcome.stderr()).doesNotContain(" ERROR ");
        assertThat(job.metric(RUN_DATE, "rows_read")).isEqualTo(Long.toString(rows));
        assertThat(job.metric(RUN_DATE, "rows_rejected")).isEqualTo(Integer.toString(expectedRejects.size()));
        assertThat(job.metric(RUN_DATE, "letters")).isEqualTo(Integer.toString(expectedLetters.size()));
        assertThat(job.metric(RUN_DATE, "held")).isEqualTo(Integer.toString(expectedHeld.size()));
        expectedNotDue.forEach((reason, count) ->
                assertThat(job.metric(RUN_DATE, "not_selected." + reason)).isEqualTo(count.toString()));
        assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).exists();
    }

    @Test
    void everyBadRowIsRejectedWithItsLineIdColumnAndReason() throws IOException {
        List<String[]> rejects = read(job.folder(RUN_DATE).resolve("rejects.csv"));
        assertThat(rejects.get(0)).containsExactly("line", "resident_id", "column", "reason");
        List<List<String>> got = rejects.subList(1, rejects.size()).stream()
                .map(r -> List.of(r[0], r[1], r[2], r[3].substring(0, r[3].indexOf(':')))).toList();
        assertThat(got).containsExactlyElementsOf(expectedRejects);
        assertThat(expectedRejects).hasSizeGreaterThan(90);
    }

    @Test
    void everyDueGoodRowHasItsLetterAndManifestRowAndHeldRowsAreListed() throws IOException {
        List<String[]> manifest = read(job.folder(RUN_DATE).resolve("manifest.csv"));
        Map<String, String> got = new TreeMap<>();
        for (String[] m : manifest.subList(1, manifest.size())) {
            got.put(m[1], String.join(",", m[2], m[3], m[4], m[5]));
            assertThat(m[6]).isEqualTo("letters/" + m[1] + ".pdf");
            Path letter = job.folder(RUN_DATE).resolve(m[6]);
            assertThat(letter).isRegularFile();
            assertThat(Files.readAllBytes(letter)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(got).isEqualTo(expectedLetters);
        assertThat(job.lines(RUN_DATE, "held.csv").subList(1, expectedHeld.size() + 1))
                .containsExactlyInAnyOrderElementsOf(expectedHeld);
        assertThat(job.lines(RUN_DATE, "held.csv")).hasSize(expectedHeld.size() + 1);
    }

    @Test
    void windowsDeviceNamesAreLettersInsideTheLettersFolderOnly() throws IOException {
        for (String device : List.of("CON", "NUL", "LPT1")) {
            Path letter = job.folder(RUN_DATE).resolve("letters/" + device + ".pdf");
            assertThat(letter).isRegularFile();
            assertThat(Files.size(letter)).isGreaterThan(1000);
        }
        // and nowhere else (with the outside snapshot): no file of that name anywhere in the run folder
        try (Stream<Path> all = Files.walk(job.folder(RUN_DATE))) {
            assertThat(all.filter(p -> p.getFileName().toString().matches("(?i)(CON|NUL|LPT1)(\\..*)?"))
                    .map(p -> job.folder(RUN_DATE).relativize(p).toString()))
                    .containsExactlyInAnyOrder("letters/CON.pdf", "letters/NUL.pdf", "letters/LPT1.pdf");
        }
    }

    @Test
    void theRunFolderHoldsNothingElse() throws IOException {
        Set<String> expected = new TreeSet<>(List.of(".lock", "_SUCCESS", "held.csv", "manifest.csv", "rejects.csv",
                "summary.csv", "summary.pdf", "letters", "print", "print/bundle-0001.pdf", "print/bundles.csv"));
        expectedLetters.keySet().forEach(id -> expected.add("letters/" + id + ".pdf"));
        assertThat(snapshot(job.folder(RUN_DATE), p -> true).keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void foldersAre0750AndFiles0640() throws IOException {
        Path folder = job.folder(RUN_DATE);
        assertThat(mode(job.out)).isEqualTo("rwxr-x---");
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(folder.relativize(p).toString())
                        .isEqualTo(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-x---" : "rw-r-----");
            }
        }
        assertThat(mode(folder.resolve("letters"))).isEqualTo("rwxr-x---");
        assertThat(mode(folder.resolve("print"))).isEqualTo("rwxr-x---");
        assertThat(mode(folder.resolve("rejects.csv"))).isEqualTo("rw-r-----");
        assertThat(mode(folder.resolve("letters/CON.pdf"))).isEqualTo("rw-r-----");
    }

    @Test
    void nothingIsWrittenOutsideTheRunFolderAndTheOtherNightIsUntouched() throws IOException {
        assertThat(outsideAfter).isEqualTo(outsideBefore);
        assertThat(outsideBefore.keySet()).anyMatch(p -> p.startsWith("job/out/" + PREVIOUS_NIGHT + "/letters/"))
                .contains("input/registry.csv");
        assertThat(workingDirAfter).isEqualTo(workingDirBefore);
        assertThat(snapshot(job.folder(PREVIOUS_NIGHT), p -> true)).isEqualTo(previousNightBefore);
    }

    @Test
    void noFieldOfACsvOutputCanStartAFormula() throws IOException {
        Path folder = job.folder(RUN_DATE);
        List<String> csvs = List.of("rejects.csv", "manifest.csv", "held.csv", "summary.csv", "print/bundles.csv");
        for (String name : csvs) {
            for (String[] record : read(folder.resolve(name))) {
                for (String field : record) {
                    assertThat(field).as(name).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }
        // the real path: ids of rejected rows are written as given, guarded
        List<String> ids = read(folder.resolve("rejects.csv")).stream().map(r -> r[1]).toList();
        assertThat(ids).contains("'=1+2", "'+81-3-1234", "'-R1", "'@SUM(A1)", "'\tID_TAB")
                .doesNotContain("=1+2", "+81-3-1234", "-R1", "@SUM(A1)", "\tID_TAB");
        // a quoted CR comes out of the reader as LF, so no value can start with CR; LF starts no formula
        assertThat(ids).contains("ID\nLF", "\nID_CR");
        String text = Files.readString(folder.resolve("rejects.csv"));
        assertThat(text).contains(",'=1+2,resident_id,").contains(",'@SUM(A1),resident_id,");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    static List<String[]> read(Path csv) throws IOException {
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(csv, StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Relative path → type, size, mtime and SHA-256 of every file and folder under {@code root}. */
    static Map<String, String> snapshot(Path root, java.util.function.Predicate<Path> include) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(include).toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String key = root.relativize(p).toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key, "dir " + mode(p));
                } else {
                    out.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                            + mode(p) + " " + sha256(p));
                }
            }
        }
        return out;
    }

    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return new TreeSet<>(entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
