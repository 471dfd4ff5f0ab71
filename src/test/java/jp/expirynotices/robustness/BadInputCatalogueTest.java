package jp.expirynotices.robustness;

import static jp.expirynotices.robustness.Registry.HEADER;
import static jp.expirynotices.robustness.Registry.RUN_DATE;
import static jp.expirynotices.robustness.Registry.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.expirynotices.job.JobRun;
import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.Reject;
import jp.expirynotices.registry.RegistryReader;
import jp.expirynotices.registry.RegistryValidator;
import jp.expirynotices.registry.ValidationOutcome;

/**
 * The bad-input catalogue (issue 7): every way a registry file can be wrong, each with its exact outcome — a row of
 * {@code rejects.csv} (line, resident_id, column, reason code), or exit code 2 with one log line naming the file
 * and the line — and never a crash, a stack trace, a hang or a partial output folder.
 *
 * <h2>How it is organised</h2>
 * <ol>
 * <li><b>Row cases</b> ({@link RowCases}, about a hundred): one registry row each, with the reject it must give
 *     (or that it is valid: letter, held, not due). {@link #eachRowCase} reads each one through
 *     {@code RegistryReader} + {@code RegistryValidator}, between a good first and a good last row, once with each
 *     line end (LF, CRLF, CR): the reject's line, id, column and code are exact, and the rows around it are not
 *     disturbed. They are cheap, so there is no job start per case: {@link MixedRegistryEndToEndTest} runs them all
 *     together in one whole run.</li>
 * <li><b>File cases</b> ({@link #fileCases}): whole-file problems (encodings, broken quotes, headers, sizes, paths
 *     that are not files) and the file shapes that must still work (header only, UTF-16 with its option, CR line
 *     ends, ...). Each is a whole in-process run ({@link JobRun#runCapturingStderr}) with its exit code, the one
 *     {@code ERROR} line (file and line), no stack trace nor other stray line on stderr, no personal data in the
 *     log, and no run folder left behind when the run was refused.</li>
 * <li>Cases that depend on the machine ({@link #unreadableInputExitsWithTwo}: not as root) are tests of their own;
 *     the very large file is in {@link LargeRegistryTest}.</li>
 * </ol>
 *
 * <h2>Decisions recorded here</h2>
 * <ul>
 * <li>A header-only file is a normal night with no rows: exit 0, empty tables, {@code _SUCCESS}. Only a file whose
 *     every row is rejected (or more than {@code notices.max-rejects}) is refused (exit 2).</li>
 * <li>UTF-16 with a byte-order mark read as UTF-8 is refused at line 1 with the hint {@code --encoding=UTF-16}; read
 *     with that option it is an ordinary registry. UTF-16 without a byte-order mark shows as NUL characters in the
 *     header, and the message suggests UTF-16LE/BE.</li>
 * <li>A quoted field over more than 20 lines is taken for an unbalanced quote (exit 2 at the line it starts on).</li>
 * <li>A line of spaces is a row of one field (rejected: {@code FIELD_COUNT}); an empty line is skipped.</li>
 * <li>{@code CON}, {@code NUL}, {@code LPT1} match the id format, so they are valid: their letter is
 *     {@code letters/CON.pdf} etc. inside the run folder.</li>
 * <li>In {@code rejects.csv} a NUL in the id as given is shown as U+FFFD (PostgreSQL cannot store NUL).</li>
 * </ul>
 */
class BadInputCatalogueTest {

    static final LocalDate R = LocalDate.parse(RUN_DATE);
    /** Every line of stderr is a log line or the application's own one-line start failure: no stack trace. */
    static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) (TRACE|DEBUG|INFO |WARN |ERROR) "
                    + "\\[[^\\]]+\\] .*|expiry-notices: .*");
    /** Personal values of {@link Registry#row}: never in a log. */
    static final List<String> PERSONAL = List.of("豊島 花子", "トシマ ハナコ", "東京都豊島区東池袋", "1丁目2番3号", "1985-12-20");
    static final Charset SJIS = Charset.forName("Windows-31J");

    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------------------ row cases

    static Stream<Arguments> rowCasesByLineEnd() {
        return RowCases.all().stream().flatMap(c -> Stream.of(Arguments.of(c, "LF"), Arguments.of(c, "CRLF"),
                Arguments.of(c, "CR")));
    }

    @ParameterizedTest(name = "[{index}] {0} ({1})")
    @MethodSource("rowCasesByLineEnd")
    void eachRowCase(RowCases.RowCase c, String lineEnd) throws IOException {
        String end = switch (lineEnd) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        StringBuilder csv = new StringBuilder(HEADER).append(end).append(row("FIRST")).append(end);
        for (String id : c.before()) {
            csv.append(row(id)).append(end);
        }
        long caseLine = Registry.lineBreaks(csv) + 1;
        csv.append(c.row()).append(end);
        long lastLine = Registry.lineBreaks(csv) + 1;
        csv.append(row("LAST")).append(end);
        Path file = Files.writeString(dir.resolve("registry.csv"), csv);

        List<String> got = new ArrayList<>();
        Reject reject = null;
        try (RegistryReader reader = RegistryReader.open(file, StandardCharsets.UTF_8, true)) {
            RegistryValidator validator = new RegistryValidator(R);
            for (RawRecord r = reader.next(); r != null; r = reader.next()) {
                switch (validator.validate(r, reader.header())) {
                    case ValidationOutcome.Valid v -> got.add(r.line() + " valid " + v.resident().residentId());
                    case ValidationOutcome.Invalid i -> {
                        got.add(r.line() + " rejected");
                        reject = i.reject();
                    }
                }
            }
        }
        List<String> expected = new ArrayList<>(List.of("2 valid FIRST"));
        for (int i = 0; i < c.before().size(); i++) {
            expected.add((3 + i) + " valid " + c.before().get(i));
        }
        expected.add(caseLine + (c.expect() instanceof RowCases.Rejected ? " rejected" : " valid " + idOf(c.row())));
        expected.add(lastLine + " valid LAST");
        assertThat(got).containsExactlyElementsOf(expected);
        if (c.expect() instanceof RowCases.Rejected e) {
            assertThat(reject.line()).isEqualTo(caseLine);
            assertThat(reject.residentId()).isEqualTo(e.residentId());
            assertThat(reject.column()).isEqualTo(e.column());
            assertThat(reject.reasonCode()).isEqualTo(e.code());
            // the reason is fixed English text: it never quotes the value
            assertThat(reject.reason()).matches("[A-Z_]+: [\\x20-\\x7E]+");
        }
    }

    private static String idOf(String csvRow) {
        return csvRow.substring(0, csvRow.indexOf(','));
    }

    // ----------------------------------------------------------------------------------------------- file cases

    /** Makes the input file (or path) of a case in a folder of its own. */
    @FunctionalInterface
    interface Input {
        Path make(Path dir) throws IOException;
    }

    /**
     * @param message for exit 2, what the one ERROR line says after the file's name
     * @param then    for exit 0, checks of the output
     */
    record FileCase(String name, Input input, List<String> options, int exitCode, String message,
                    Consumer<JobRun> then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static FileCase refused(String name, Input input, String message, String... options) {
        return new FileCase(name, input, List.of(options), 2, message, job -> { });
    }

    static FileCase works(String name, Input input, Consumer<JobRun> then, String... options) {
        return new FileCase(name, input, List.of(options), 0, null, then);
    }

    static Input bytes(byte[] content) {
        return d -> Files.write(d.resolve("registry.csv"), content);
    }

    static Input text(String content, Charset charset) {
        return bytes(content.getBytes(charset));
    }

    static Input utf8(String content) {
        return text(content, StandardCharsets.UTF_8);
    }

    /** Header and rows, each ending with {@code end}. */
    static String csv(String end, String... rows) {
        StringBuilder sb = new StringBuilder(HEADER).append(end);
        for (String r : rows) {
            sb.append(r).append(end);
        }
        return sb.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] raw(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    static final String MISSING_ALL = "line 1: missing required column(s): resident_id, name, birth_date, "
            + "postal_code, address_town, card_expires_on";
    static final String NOT_UTF8 = "bytes that are not valid UTF-8";

    static Stream<FileCase> fileCases() {
        String threeRows = csv("\n", row("R1"), row("R2"), row("R3"));
        List<FileCase> cases = new ArrayList<>(List.of(
                // ---- empty and header problems
                refused("empty file", bytes(new byte[0]), ": line 1: the file is empty (a header row is required)"),
                refused("only a UTF-8 BOM", bytes(raw(0xEF, 0xBB, 0xBF)),
                        ": line 1: the file is empty (a header row is required)"),
                refused("only line breaks", utf8("\n\n\r\n"), ": " + MISSING_ALL),
                refused("a known column named twice", utf8(HEADER + ",name\n" + row("R1") + ",x\n"),
                        ": line 1: column named more than once: name"),
                refused("a known column named twice in other case and spaces",
                        utf8(HEADER.replace("name,", " NAME ,") + ", Name\n" + row("R1") + ",x\n"),
                        ": line 1: column named more than once: name"),
                refused("required columns missing", utf8(HEADER.replace("postal_code,", "")
                                .replace("card_expires_on,", "") + "\nR1\n"),
                        ": line 1: missing required column(s): postal_code, card_expires_on"),
                refused("no header row (data on line 1)", utf8(row("R1") + "\n" + row("R2") + "\n"),
                        ": " + MISSING_ALL),
                // ---- encodings
                refused("Shift_JIS read as UTF-8", text(csv("\r\n", row("R1"), row("R2")), SJIS),
                        ": line 2: " + NOT_UTF8 + "; the file reads as Windows-31J (try --encoding=Windows-31J)"),
                refused("invalid byte 0xFF on line 4", bytes(concat(b(csv("\n", row("R1"), row("R2"))),
                        badRow("R3", 0xFF), b(row("R4") + "\n"))), ": line 4: " + NOT_UTF8),
                refused("UTF-8 sequence cut off at the end of the file",
                        bytes(concat(b(csv("\n", row("R1")) + row("R2")), raw(0xE6, 0x97))), ": line 3: " + NOT_UTF8),
                refused("overlong UTF-8 encoding of /", bytes(concat(b(csv("\n", row("R1"))), badRow("R2", 0xC0, 0xAF))),
                        ": line 3: " + NOT_UTF8),
                refused("UTF-8-encoded surrogate (CESU-8)", bytes(concat(b(csv("\n", row("R1"))),
                        badRow("R2", 0xED, 0xA0, 0x80))), ": line 3: " + NOT_UTF8),
                refused("binary file (PNG signature)", bytes(raw(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0,
                        0x0D, 'I', 'H', 'D', 'R')), ": line 1: " + NOT_UTF8),
                refused("UTF-16 with BOM read as UTF-8", text(csv("\r\n", row("R1")), StandardCharsets.UTF_16),
                        ": line 1: " + NOT_UTF8 + "; the file starts with a UTF-16 byte-order mark "
                                + "(try --encoding=UTF-16)"),
                // the header (valid UTF-8, NULs between its letters) is checked before line 2 is read
                refused("UTF-16LE without BOM read as UTF-8", text(csv("\n", row("R1")), StandardCharsets.UTF_16LE),
                        ": " + MISSING_ALL + "; the file reads as UTF-16LE (try --encoding=UTF-16LE)"),
                refused("UTF-16LE without BOM, ASCII only, read as UTF-8", text(csv("\n", ascii("R1")),
                                StandardCharsets.UTF_16LE),
                        ": " + MISSING_ALL + "; the file reads as UTF-16LE (try --encoding=UTF-16LE)"),
                refused("UTF-16BE without BOM, ASCII only, read as UTF-8, one required column missing",
                        text(csv("\n", ascii("R1")).replace("name,", "nom,"), StandardCharsets.UTF_16BE),
                        ": line 1: missing required column(s): resident_id, name, birth_date, postal_code, address_town, "
                                + "card_expires_on; the header holds NUL characters: the file looks like UTF-16 without a "
                                + "byte-order mark (try --encoding=UTF-16LE or --encoding=UTF-16BE)"),
                refused("UTF-8 with BOM read as Windows-31J",
                        bytes(concat(raw(0xEF, 0xBB, 0xBF), b(csv("\r\n", row("R1"))))),
                        ": line 1: bytes that are not valid windows-31j; the file starts with a UTF-8 byte-order "
                                + "mark (try --encoding=UTF-8)", "--encoding=Windows-31J"),
                refused("UTF-8 without BOM read as Windows-31J", utf8(csv("\r\n", row("R1"), row("R2"))),
                        ": line 2: bytes that are not valid windows-31j; the file reads as UTF-8 (try --encoding=UTF-8)",
                        "--encoding=Windows-31J"),
                refused("UTF-8 read as UTF-16", utf8(csv("\n", row("R1"))), ": " + MISSING_ALL
                        + "; the file reads as UTF-8 (try --encoding=UTF-8)", "--encoding=UTF-16"),
                // ---- CSV structure
                refused("unbalanced quote in the middle", utf8(csv("\n", row("R1"), row("R2").replace(",1丁目", ",\"1丁目"),
                        row("R3"), row("R4"))), ": line 3: a quoted field is not closed (unbalanced \" quote) or runs "
                        + "over more than 20 lines"),
                refused("unbalanced quote on the last line", utf8(csv("\r\n", row("R1"), row("R2"))
                        + row("R3").replace(",1丁目", ",\"1丁目")), ": line 4: a quoted field is not closed"),
                refused("quoted field over more than 20 lines", utf8(csv("\n", row("R1", "address_block",
                        "1\n".repeat(21)))), ": line 2: a quoted field is not closed (unbalanced \" quote) or runs "
                        + "over more than 20 lines"),
                refused("a line longer than 4 Mi characters", utf8(csv("\n") + "R1," + "x".repeat(4 * 1024 * 1024 + 10)),
                        ": line 2: longer than 4194304 characters; not a registry file, or not UTF-8"),
                // ---- found only while the job reads the rows (past the first read-ahead of the header check)
                refused("undecodable bytes far into the file", bytes(concat(b(csv("\n", manyRows(2000))),
                        badRow("R9999", 0xFF))), ": line 2002: " + NOT_UTF8),
                refused("unbalanced quote far into the file", utf8(csv("\n", manyRows(2000)) + row("R9999")
                        .replace(",1丁目", ",\"1丁目") + "\n" + row("R10000") + "\n"),
                        ": line 2002: a quoted field is not closed"),
                refused("every row rejected", utf8(csv("\n", row("R1", "birth_date", "2026-02-29"),
                                row("R2", "postal_code", ""), row("R3", "birth_date", "1985-13-01"))),
                        ": every one of the 3 rows was rejected (by reason: INVALID_DATE=2, MISSING_VALUE=1); first: "
                                + "line 2 birth_date INVALID_DATE, line 3 postal_code MISSING_VALUE, line 4 birth_date "
                                + "INVALID_DATE; the file cannot be used as it is"),
                refused("more rejects than notices.max-rejects", utf8(csv("\n", row("R1"),
                                row("R2", "birth_date", "2026-02-29"), row("R3"), row("R4", "name", ""))),
                        ": 2 rows rejected, more than notices.max-rejects=1; first: line 3 birth_date INVALID_DATE, "
                                + "line 5 name MISSING_VALUE; fix the file and run the same command again",
                        "--notices.max-rejects=1"),
                // ---- paths that are not a readable registry file
                refused("input is a directory", d -> Files.createDirectories(d.resolve("registry.csv")),
                        ": input path is a directory, not a file"),
                refused("input missing", d -> d.resolve("registry.csv"), ": input file not found"),
                refused("input is /dev/zero", d -> Path.of("/dev/zero"), ": input path is not a regular file"),
                refused("input is a symbolic link to /dev/zero", d -> Files.createSymbolicLink(d.resolve("registry.csv"),
                        Path.of("/dev/zero")), ": input path is not a regular file"),
                refused("input is a named pipe without writer", BadInputCatalogueTest::fifo,
                        ": input path is not a regular file"),

                // ---- shapes that must work
                works("header only", utf8(HEADER + "\n"), job -> {
                    assertThat(job.lines(RUN_DATE, "manifest.csv")).hasSize(1);
                    assertThat(job.lines(RUN_DATE, "rejects.csv")).containsExactly("line,resident_id,column,reason");
                    assertThat(job.lines(RUN_DATE, "held.csv")).containsExactly("resident_id,reason");
                    assertThat(job.metric(RUN_DATE, "rows_read")).isEqualTo("0");
                    assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).exists();
                    assertThat(job.folder(RUN_DATE).resolve("letters")).doesNotExist();
                    assertThat(job.folder(RUN_DATE).resolve("print")).doesNotExist();
                }),
                works("header only without a line end", utf8(HEADER), job -> {
                    assertThat(job.metric(RUN_DATE, "rows_read")).isEqualTo("0");
                    assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).exists();
                }),
                works("UTF-16 with BOM and --encoding=UTF-16", text(csv("\r\n", row("U1"),
                        row("U2", "birth_date", "2026-02-29"), row("U3")), StandardCharsets.UTF_16),
                        expect(List.of("U1", "U3"), "3,U2,birth_date,INVALID_DATE"), "--encoding=UTF-16", "--dry-run"),
                works("UTF-16LE without BOM and --encoding=UTF-16LE", text(csv("\n", row("U1"),
                        row("U2", "birth_date", "2026-02-29")), StandardCharsets.UTF_16LE),
                        expect(List.of("U1"), "3,U2,birth_date,INVALID_DATE"), "--encoding=UTF-16LE", "--dry-run"),
                works("UTF-8 BOM and CRLF (spreadsheet export)", bytes(concat(raw(0xEF, 0xBB, 0xBF),
                        b(csv("\r\n", row("E1"), row("E2", "name", "")) ))),
                        expect(List.of("E1"), "3,E2,name,MISSING_VALUE"), "--dry-run"),
                works("CR-only line ends", utf8(csv("\r", row("M1"), row("M2", "postal_code", "12-3456"), row("M3"))),
                        expect(List.of("M1", "M3"), "3,M2,postal_code,INVALID_FORMAT"), "--dry-run"),
                works("mixed line ends, blank lines and quoted line breaks", utf8(HEADER + "\r\n" + row("Q1") + "\n\n"
                                + row("Q2", "name", "豊島\r\n花子") + "\r" + row("Q3", "address_building", "A,\"B\"")
                                + "\r\n\r\n" + row("Q4", "birth_date", "1985-12-20 ") + "\n"),
                        expect(List.of("Q1", "Q3"), "4,Q2,name,CONTROL_CHARACTER", "8,Q4,birth_date,INVALID_DATE"),
                        "--dry-run"),
                works("unknown, repeated unknown and unnamed columns are ignored", utf8(HEADER + ",note,note,,\n"
                                + row("W1") + ",a,b,,\n"),
                        expect(List.of("W1")), "--dry-run"),
                // Windows-31J maps its user-defined area (F040-F9FC) to U+E000-U+E757: no font draws those
                works("Windows-31J with a user-defined character (外字) is held",
                        text(csv("\r\n", row("J1"), row("J2", "name", "豊島 \uE000")), SJIS), job -> {
                            expect(List.of("J1")).accept(job);
                            assertThat(job.lines(RUN_DATE, "held.csv")).containsExactly("resident_id,reason",
                                    "J2,GLYPH_MISSING: U+E000");
                        }, "--encoding=Windows-31J", "--dry-run")));
        return cases.stream();
    }

    static String[] manyRows(int n) {
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = row("M" + i, "card_expires_on", "2036-12-20", "sign_cert_issued_on", "2026-11-01",
                    "auth_cert_issued_on", "2026-11-01");
        }
        return rows;
    }

    /** Checks a dry run's manifest ids (in order) and its rejects ({@code line,id,column,CODE}). */
    static Consumer<JobRun> expect(List<String> letters, String... rejects) {
        return job -> {
            List<String> manifest = job.lines(RUN_DATE, "manifest.csv");
            assertThat(manifest.subList(1, manifest.size()).stream().map(l -> l.split(",")[1]).sorted())
                    .containsExactlyElementsOf(letters.stream().sorted().toList());
            List<String> got = job.lines(RUN_DATE, "rejects.csv");
            assertThat(got.subList(1, got.size()).stream().map(l -> l.substring(0, l.indexOf(':'))))
                    .containsExactly(rejects);
        };
    }

    /** A due resident in ASCII only. */
    static String ascii(String id) {
        return row(id, "name", "SMITH JOHN", "name_kana", "", "address_town", "Tokyo Toshima", "address_block", "1-2-3");
    }

    /** A row whose id is followed by bytes that are not UTF-8. */
    static byte[] badRow(String id, int... bad) {
        return concat(b(id), raw(bad), b(row("X").substring(1) + "\n"));
    }

    static Path fifo(Path d) throws IOException {
        Path p = d.resolve("registry.csv");
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            assumeTrue(mk.waitFor() == 0, "mkfifo");
        } catch (InterruptedException | IOException e) {
            assumeTrue(false, "no mkfifo: " + e);
        }
        return p;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fileCases")
    void eachFileCase(FileCase c) throws IOException {
        Path input;
        try {
            input = c.input().make(dir);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "not on this file system: " + e);
            return;
        }
        if (input.startsWith("/dev")) {
            assumeTrue(Files.exists(input), input + " exists");
        }
        JobRun job = new JobRun(dir.resolve("job"));
        JobRun.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> job.runCapturingStderr(input, RUN_DATE, c.options().toArray(String[]::new)));
        assertOperatorOutput(outcome, c.exitCode());
        if (c.exitCode() == 2) {
            assertRefused(job, outcome, input, c.message());
        } else {
            c.then().accept(job);
        }
    }

    /** The exit code; stderr only log lines (no stack trace, no multi-line message) and no personal data. */
    static void assertOperatorOutput(JobRun.Outcome outcome, int exitCode) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(exitCode);
        for (String line : outcome.stderr().split("\n")) {
            assertThat(line).as("stderr line").matches(LOG_LINE);
        }
        for (String value : PERSONAL) {
            assertThat(outcome.stderr()).doesNotContain(value);
        }
    }

    /** Exit 2: one ERROR line naming the file (and line), and no run folder left behind. */
    static void assertRefused(JobRun job, JobRun.Outcome outcome, Path input, String message) {
        List<String> errors = outcome.stderr().lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as(outcome.stderr()).hasSize(1);
        assertThat(errors.get(0)).contains(input + message);
        assertThat(job.folder(RUN_DATE)).as("no partial output folder").doesNotExist();
    }

    @Test
    void unreadableInputExitsWithTwo() throws IOException {
        Path input = Files.writeString(dir.resolve("registry.csv"), csv("\n", row("R1")));
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(input), "the file is still readable (running as root)");
        JobRun job = new JobRun(dir.resolve("job"));
        JobRun.Outcome outcome = job.runCapturingStderr(input, RUN_DATE);
        assertOperatorOutput(outcome, 2);
        assertRefused(job, outcome, input, ": input file is not readable (check permissions)");
    }

    static void write(Path p, byte[] content) {
        try {
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
