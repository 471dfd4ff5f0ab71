package jp.expirynotices.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryInputException;
import jp.expirynotices.registry.RegistryReader;
import jp.expirynotices.registry.RegistryValidator;
import jp.expirynotices.registry.ValidationOutcome;

/**
 * Property-based fuzzing of {@link RegistryReader} + {@link RegistryValidator} (jqwik). Whatever the bytes of the
 * registry file, reading it either completes, every record becoming a resident or a reject on a line &ge; 2, or
 * stops with a {@link RegistryInputException} whose message names a line — never another exception, never a hang.
 *
 * <p><b>Time budget.</b> Each property runs jqwik's default number of tries (1000, {@code jqwik.tries.default}),
 * which keeps the whole class at about 10-20 s; every try has its own {@value #TRY_TIMEOUT_SECONDS} s time limit.
 * Fuzz longer, e.g. a million tries per property with a new random seed each run:
 * <pre>
 * ./mvnw -B test -Dtest='jp.expirynotices.robustness.RegistryFuzzTest' -Djqwik.tries.default=1000000
 * </pre>
 * Replay a failure with the seed jqwik printed: {@code -Djqwik.seeds.whenfixed=ALLOW} and {@code @Property(seed=...)}.
 */
class RegistryFuzzTest {

    static final long TRY_TIMEOUT_SECONDS = 10;
    static final LocalDate R = LocalDate.of(2026, 11, 24);
    static final List<String> HEADER = List.of("resident_id", "name", "name_kana", "birth_date", "postal_code",
            "address_town", "address_block", "address_building", "card_expires_on", "sign_cert_issued_on",
            "sign_cert_expires_on", "sign_cert_status", "auth_cert_issued_on", "auth_cert_expires_on",
            "auth_cert_status", "hold_mail");
    static final Set<String> REASONS = Set.of("FIELD_COUNT", "MISSING_VALUE", "INVALID_FORMAT",
            "DUPLICATE_ID", "TOO_LONG", "CONTROL_CHARACTER", "INVALID_DATE", "BIRTH_AFTER_RUN_DATE",
            "ISSUE_BEFORE_BIRTH", "ISSUE_AFTER_RUN_DATE", "ISSUE_AFTER_CARD_EXPIRY", "EXPIRY_NOT_AFTER_ISSUE",
            "MISSING_ISSUE_DATE", "MISSING_STATUS", "INVALID_VALUE");
    static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("Windows-31J"),
            StandardCharsets.UTF_16, Charset.forName("EUC-JP"));

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("registry-fuzz");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Arbitrary bytes, alone or after a real header, read in one of several encodings. */
    @Property
    void arbitraryBytesNeverCrashOrHang(@ForAll("bytes") byte[] content, @ForAll("charsets") Charset charset) {
        checkRead(content, charset);
    }

    /** CSV-ish text: quotes, commas, CR/LF, NUL, lone surrogates, kanji, very long fields, plausible values. */
    @Property
    void csvLikeTextNeverCrashesOrHangs(@ForAll("csvText") String text, @ForAll("charsets") Charset charset) {
        checkRead(text.getBytes(charset), charset);
    }

    /**
     * Well-formed CSV (fields quoted where needed, any of LF, CRLF and CR between records) reads back field for
     * field, each record with the line it starts on.
     */
    @Property
    void wellFormedCsvReadsBackWithExactStartLines(@ForAll("records") List<List<String>> records,
                                                   @ForAll("lineEnds") List<String> lineEnds) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append(lineEnds.get(0));
        List<Long> expectedLines = new ArrayList<>();
        List<List<String>> expectedFields = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                // counted on the text so far: a CR ending one row and an LF ending an empty next one are one CRLF
                expectedLines.add(lineBreaks(csv) + 1L);
                // quoted line breaks come back as LF
                expectedFields.add(fields.stream().map(f -> f.replace("\r\n", "\n").replace('\r', '\n')).toList());
            }
            csv.append(String.join(",", fields.stream().map(RegistryFuzzTest::quote).toList()))
                    .append(lineEnds.get((i + 1) % lineEnds.size()));
        }
        List<RawRecord> read = assertTimeoutPreemptively(Duration.ofSeconds(TRY_TIMEOUT_SECONDS), () -> {
            Path file = write(csv.toString().getBytes(StandardCharsets.UTF_8));
            List<RawRecord> out = new ArrayList<>();
            try (RegistryReader reader = RegistryReader.open(file, StandardCharsets.UTF_8, true)) {
                for (RawRecord r = reader.next(); r != null; r = reader.next()) {
                    out.add(r);
                }
            }
            return out;
        });
        assertThat(read).extracting(RawRecord::line).containsExactlyElementsOf(expectedLines);
        assertThat(read).extracting(r -> List.of(r.fields())).containsExactlyElementsOf(expectedFields);
    }

    /**
     * One byte that is never valid UTF-8 (0xFF), put anywhere in a well-formed file: the run stops with the line
     * that byte is on, whatever line ends the file uses and however far it is from where the CSV reader was.
     */
    @Property
    void anInvalidByteIsReportedOnItsOwnLine(@ForAll("records") List<List<String>> records,
                                             @ForAll("lineEnds") List<String> lineEnds,
                                             @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1 << 20)
                                             int where) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append(lineEnds.get(0));
        for (int i = 0; i < records.size(); i++) {
            csv.append(String.join(",", records.get(i).stream().map(RegistryFuzzTest::quote).toList()))
                    .append(lineEnds.get((i + 1) % lineEnds.size()));
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        int at = where % (good.length + 1);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, at);
        bad[at] = (byte) 0xFF;
        System.arraycopy(good, at, bad, at + 1, good.length - at);
        long expectedLine = lineBreaks(new String(bad, 0, at, StandardCharsets.UTF_8)) + 1L;

        Reading reading = checkRead(bad, StandardCharsets.UTF_8);
        assertThat(reading.error()).as("0xFF at byte " + at).isNotNull();
        assertThat(reading.error().getMessage()).contains(": line " + expectedLine + ": bytes that are not valid UTF-8");
    }

    /** What reading one file gave: a line per record ({@code 2 valid}, {@code 3 reject CODE}) or the error. */
    record Reading(List<String> records, RegistryInputException error) {
    }

    private static Reading checkRead(byte[] content, Charset charset) {
        Path file = write(content);
        // the reading runs in a thread of its own, stopped when it overruns; the checks run on jqwik's thread
        Reading reading = assertTimeoutPreemptively(Duration.ofSeconds(TRY_TIMEOUT_SECONDS), () -> {
            List<String> records = new ArrayList<>();
            try (RegistryReader reader = RegistryReader.open(file, charset, true)) {
                RegistryValidator validator = new RegistryValidator(R);
                for (RawRecord r = reader.next(); r != null; r = reader.next()) {
                    records.add(switch (validator.validate(r, reader.header())) {
                        case ValidationOutcome.Valid v -> r.line() + " valid " + v.resident().line();
                        case ValidationOutcome.Invalid i -> r.line() + " reject " + i.reject().line() + " "
                                + i.reject().reasonCode();
                    });
                }
            } catch (RegistryInputException e) {
                return new Reading(records, e);
            }
            return new Reading(records, null);
        });
        long previous = 1;
        for (String record : reading.records()) {
            String[] parts = record.split(" ");
            long line = Long.parseLong(parts[0]);
            assertThat(line).as("records in line order, after the header").isGreaterThan(previous);
            previous = line;
            assertThat(Long.parseLong(parts[2])).as("outcome keeps the record's line").isEqualTo(line);
            if (parts[1].equals("reject")) {
                assertThat(REASONS).contains(parts[3]);
            }
        }
        if (reading.error() != null) {
            assertThat(reading.error().getMessage()).contains(file.toString()).containsPattern("line \\d+: ")
                    .doesNotContain("\n");
        }
        return reading;
    }

    private static Path write(byte[] content) {
        try {
            return Files.write(dir.resolve("registry.csv"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(CHARSETS);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> afterHeader = raw.map(b -> {
            byte[] head = (String.join(",", HEADER) + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + b.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            return all;
        });
        return Arbitraries.frequencyOf(weighted(1, raw), weighted(3, afterHeader));
    }

    @Provide
    Arbitrary<String> csvText() {
        Arbitrary<String> header = Arbitraries.frequencyOf(
                weighted(6, Arbitraries.just(String.join(",", HEADER))),
                weighted(2, Arbitraries.shuffle(HEADER).map((List<String> h) -> String.join(",", h) + ",extra")),
                weighted(1, field()));
        Arbitrary<String> separator = Arbitraries.of(",", ",", ",", "\n", "\r\n", "\r", "\"", "");
        Arbitrary<String> soup = Combinators.combine(field(), separator).as((f, s) -> f + s)
                .list().ofMaxSize(120).map(l -> String.join("", l));
        // rows of the header's width, column by column mostly good (so that they reach every rule), some mutated
        Arbitrary<String> rows = Combinators.combine(columnValues().stream().map(c -> Arbitraries.frequencyOf(
                        weighted(40, c.get1()), weighted(1, c.get2()), weighted(1, field()))).toList())
                .as(fields -> String.join(",", fields))
                .list().ofMaxSize(40)
                .flatMap(list -> Arbitraries.of("\n", "\r\n", "\r").list().ofSize(list.size()).map(ends -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < list.size(); i++) {
                        sb.append(list.get(i)).append(ends.get(i));
                    }
                    return sb.toString();
                }));
        Arbitrary<String> body = Arbitraries.frequencyOf(weighted(1, soup), weighted(2, rows));
        return Combinators.combine(header, Arbitraries.of("\n", "\r\n", "\r"), body).as((h, e, b) -> h + e + b);
    }

    /** Per column of {@link #HEADER}: good values and the usual mistakes, as CSV text (quoted where needed). */
    private static List<net.jqwik.api.Tuple.Tuple2<Arbitrary<String>, Arbitrary<String>>> columnValues() {
        Arbitrary<String> badDate = Arbitraries.of("2026-02-29", "2026-11-25", "1872-12-31", " 2021-11-15",
                "２０２１-１１-１５", "2021-1-5", "2031-02-30");
        Arbitrary<String> badStatus = Arbitraries.of("", "unknown", "active ");
        Arbitrary<String> text = Arbitraries.of("東京都豊島区", "1丁目2番3号", "\"a,\"\"b\"\"\"", "SMITH");
        Arbitrary<String> badText = Arbitraries.of("", " ", "\"1\n2\"", "a\tb", "x".repeat(101), "\u2028", "\u0000");
        Arbitrary<String> optional = Arbitraries.frequencyOf(weighted(1, text), weighted(1, Arbitraries.just("")));
        return List.of(
                pair(Arbitraries.integers().between(1, 60).map(i -> "R" + i),
                        Arbitraries.of("CON", "lpt1", "../x", "a/b", "", "A".repeat(33), "=1", "@SUM(1)")),
                pair(Arbitraries.of("山田 太郎", "SMITH JOHN", "\"Tokyo \"\"A\"\", 1\""), badText),
                pair(Arbitraries.of("", "ヤマダ タロウ"), Arbitraries.of("\u0007", "ア".repeat(101))),
                pair(Arbitraries.of("1985-11-14", "1985/11/14", "2000-02-29"), badDate),
                pair(Arbitraries.of("1700013", "170-0013"), Arbitraries.of("17000130", "", "１７０００１３")),
                pair(text, badText),
                pair(optional, badText),
                pair(optional, badText),
                pair(Arbitraries.of("2031-11-14", "2027-01-10", "2026-12-01"), Arbitraries.of("", "2021-11-14")),
                pair(Arbitraries.of("2021-11-15", "", "2024/02/29"), badDate),
                pair(Arbitraries.of("", "", "2026-12-20"), Arbitraries.of("2021-11-15", "2026-13-01")),
                pair(Arbitraries.of("active", "revoked", "ACTIVE"), badStatus),
                pair(Arbitraries.of("2021-11-15", "", "2022-01-11"), badDate),
                pair(Arbitraries.of("", "", "2027-01-10"), Arbitraries.of("2021-11-15", "2026-13-01")),
                pair(Arbitraries.of("active", "revoked"), badStatus),
                pair(Arbitraries.of("", "true", "false", "1", "0", "TRUE"), Arbitraries.of("yes", "2")));
    }

    private static net.jqwik.api.Tuple.Tuple2<Arbitrary<String>, Arbitrary<String>> pair(Arbitrary<String> good,
                                                                                         Arbitrary<String> bad) {
        return net.jqwik.api.Tuple.of(good, bad);
    }

    /** One field's text: mostly plausible values (so rows get deep into the rules), sometimes junk. */
    private static Arbitrary<String> field() {
        Arbitrary<String> junk = Arbitraries.strings()
                .withChars("\",\r\n\0\t ab1-/:.\\=@+'")
                .withChars('山', '田', "𠮷".charAt(0), "𠮷".charAt(1), '\uD800', '\uDFFF', '\uFEFF', '\u2028', '\u00A5')
                .withCharRange('\u0000', '\u007F')
                .ofMaxLength(30);
        Arbitrary<String> plausible = Arbitraries.of("R1", "R2", "CON", "../x", "山田 太郎", "", " ", "1985-11-14",
                "2026-02-29", "2024/02/29", "1700013", "170-0013", "東京都豊島区", "1丁目2番", "2031-11-14",
                "2021-11-15", "active", "revoked", "ACTIVE", "true", "0", "\"a,\"\"b\"\"\"", "\"1\n2\"", "\"x");
        Arbitrary<String> longField = Arbitraries.integers().between(90, 200_000).map("あ"::repeat);
        return Arbitraries.frequencyOf(weighted(10, plausible), weighted(6, junk), weighted(1, longField));
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                weighted(5, Arbitraries.of("R1", "山田 太郎", "", "1985-11-14", "a\"b", "x,y", "1\n2", "1\r\n2", "1\r2",
                        " ", "\"", "\0", "𠮷")),
                weighted(2, Arbitraries.strings().withChars("\",\r\nab 山").ofMaxLength(12)));
        // at most 3 line breaks per field and 4 fields (12 < the reader's 20-line limit of one record)
        return value.list().ofMinSize(1).ofMaxSize(4)
                .filter(fields -> fields.stream().allMatch(f -> lineBreaks(f) <= 3))
                .list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<String>> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r").list().ofMinSize(1).ofMaxSize(5);
    }

    /** RFC 4180 quoting where needed. */
    private static String quote(String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** Line breaks as the reader counts them: CR LF, LF or a lone CR. */
    static int lineBreaks(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) {
                n++;
            }
        }
        return n;
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight,
                                                                                           Arbitrary<T> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }
}
