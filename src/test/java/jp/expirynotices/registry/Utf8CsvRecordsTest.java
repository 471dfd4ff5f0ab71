package jp.expirynotices.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;

/**
 * The UTF-8 byte reader gives what OpenCSV's reader over {@link LineDecodingReader} gives: the same records with the
 * same line counts, and the same error where that reader stops. One difference is allowed: the decoding reader
 * decodes ahead, so bytes that do not decode (or a line too long) may stop it before a CSV error on an earlier line
 * (an unclosed quote) that the byte reader, reading line by line, meets first. Either way the file is refused.
 */
class Utf8CsvRecordsTest {

    /** Pieces of a file: text, CSV punctuation, line ends, multi-byte characters, and bytes that are not UTF-8. */
    private static final byte[][] PIECES = {
            bytes("a"), bytes("Z9"), bytes("R0000001"), bytes("1980-01-31"), bytes(" "), bytes(","), bytes(","),
            bytes(",,"), bytes("\""), bytes("\"\""), bytes("\r"), bytes("\n"), bytes("\n"), bytes("\r\n"),
            bytes("山田"), bytes("あ"), bytes("𠀋"), bytes("\uFFFD"), bytes("\uFEFF"), bytes("\u0085"), bytes("é"),
            {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE3, (byte) 0x81}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };
    /** The last pieces are bytes that are not UTF-8: most files are made without them. */
    private static final int BAD_PIECES = 7;

    @Test
    void givesWhatOpenCsvGivesForRandomFiles() throws Exception {
        SplittableRandom random = new SplittableRandom(20261205);
        int refused = 0;
        int multiline = 0;
        int wide = 0;
        for (int n = 0; n < 30_000; n++) {
            boolean withBadBytes = random.nextInt(4) == 0;
            boolean withQuotes = random.nextInt(3) > 0;
            boolean withLineEnds = random.nextInt(10) > 0;
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int k = random.nextInt(300); k > 0; k--) {
                byte[] piece = PIECES[random.nextInt(PIECES.length - (withBadBytes ? 0 : BAD_PIECES))];
                if (!withQuotes && piece[0] == '"' || !withLineEnds && (piece[0] == '\r' || piece[0] == '\n')) {
                    piece = bytes("q");
                }
                file.writeBytes(piece);
            }
            byte[] content = file.toByteArray();
            // a slow stream too: bytes come a few at a time, so lines and CR LF cross every read
            Reading expected = read(content, false, 0);
            Reading actual = read(content, true, random.nextInt(3) == 0 ? 1 + random.nextInt(7) : 0);
            assertSame(expected, actual, n, content);
            refused += expected.error != null ? 1 : 0;
            multiline += expected.error instanceof CsvMultilineLimitBrokenException ? 1 : 0;
            wide += expected.records.stream().anyMatch(r -> r.split(", ").length > 64) ? 1 : 0;
        }
        assertThat(refused).as("files refused").isBetween(3_000, 20_000);
        assertThat(multiline).as("quoted fields over too many lines").isPositive();
        assertThat(wide).as("records of more than 64 fields").isPositive();
    }

    /** Text inside a quoted field: commas, doubled quotes, line ends, multi-byte characters, sometimes bad bytes. */
    private static final byte[][] QUOTED = {
            bytes("a"), bytes("メゾン目白"), bytes(", "), bytes(","), bytes("\"\""), bytes(" "), bytes("𠀋"), bytes("é"),
            bytes("\n"), bytes("\r\n"), {(byte) 0xFF}, {(byte) 0xE3, (byte) 0x81},
    };
    /** An unquoted field's text (no comma, quote or line end). */
    private static final byte[][] PLAIN = {
            bytes(""), bytes("R0000001"), bytes("山田 太郎"), bytes("1980-01-31"), bytes(" "), bytes("𠀋"), bytes("é"),
    };

    /**
     * Lines of whole fields, quoted or not, the way a registry holds them: most quoted fields open and close on their
     * line (the byte reader splits those itself), some run over a line end, and some lines are malformed (a quote
     * inside an unquoted field, text after a closing quote, a field never closed), which go to OpenCSV.
     */
    @Test
    void givesWhatOpenCsvGivesForLinesOfQuotedFields() throws Exception {
        SplittableRandom random = new SplittableRandom(20261206);
        int quotedRecords = 0;
        for (int n = 0; n < 20_000; n++) {
            boolean withBadBytes = random.nextInt(8) == 0;
            boolean withLineEnds = random.nextInt(4) == 0;
            boolean malformed = random.nextInt(8) == 0;
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int line = random.nextInt(12); line > 0; line--) {
                for (int field = random.nextInt(1, 20); field > 0; field--) {
                    if (random.nextInt(3) == 0) {
                        file.write('"');
                        for (int k = random.nextInt(6); k > 0; k--) {
                            byte[] piece = QUOTED[random.nextInt(QUOTED.length - (withBadBytes ? 0 : 2))];
                            file.writeBytes(!withLineEnds && (piece[0] == '\r' || piece[0] == '\n') ? bytes("q")
                                    : piece);
                        }
                        if (!malformed || random.nextInt(10) > 0) {
                            file.write('"');
                        }
                    } else {
                        file.writeBytes(PLAIN[random.nextInt(PLAIN.length)]);
                    }
                    if (malformed && random.nextInt(10) == 0) {
                        file.writeBytes(bytes(random.nextBoolean() ? "\"" : "x"));
                    }
                    if (field > 1) {
                        file.write(',');
                    }
                }
                file.writeBytes(bytes(switch (random.nextInt(4)) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    default -> "\n";
                }));
            }
            byte[] content = file.toByteArray();
            Reading expected = read(content, false, 0);
            assertSame(expected, read(content, true, random.nextInt(3) == 0 ? 1 + random.nextInt(7) : 0), n,
                    content);
            quotedRecords += (int) expected.records.stream().filter(r -> r.contains("\"")).count();
        }
        assertThat(quotedRecords).as("records with a quote inside a field").isGreaterThan(10_000);
    }

    @Test
    void givesWhatOpenCsvGivesForARegistryBiggerThanTheBuffer() throws Exception {
        StringBuilder csv = new StringBuilder("resident_id,name,address_building\r\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("R").append(i).append(',').append(i % 7 == 0 ? "\"山田, 太郎\"" : "山田 太郎").append(',')
                    .append(i % 11 == 0 ? "\"メゾン\n目白\"" : "メゾン目白 " + i).append(i % 3 == 0 ? "\n" : "\r\n");
        }
        byte[] content = bytes(csv.toString());
        assertThat(content.length).isGreaterThan(4 << 16);
        Reading expected = read(content, false, 0);
        assertThat(expected.error).isNull();
        assertThat(expected.records).hasSize(20_001);
        assertSame(expected, read(content, true, 0), 0, content);
        assertSame(expected, read(content, true, 5), 0, content);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedOnItsLineAndALongLineOfFewerCharactersIsRead() throws Exception {
        int max = LineDecodingReader.MAX_LINE_CHARS;
        byte[] tooLong = bytes("a,b\nR1," + "x".repeat(max + 10) + "\nR2,y\n");
        Reading refused = read(tooLong, true, 0);
        assertThat(refused.error).isInstanceOf(LineDecodingReader.LineTooLongException.class);
        assertThat(((LineDecodingReader.LineTooLongException) refused.error).line()).isEqualTo(2);
        assertSame(read(tooLong, false, 0), refused, 0, new byte[0]);

        // more bytes than the limit, fewer characters: read as any line
        byte[] longJapanese = bytes("a,b\nR1," + "あ".repeat(max / 2) + "\nR2,y\n");
        Reading read = read(longJapanese, true, 0);
        assertThat(read.error).isNull();
        assertThat(read.records).hasSize(3);
        assertSame(read(longJapanese, false, 0), read, 0, new byte[0]);

        // bytes that do not decode before the limit is reached: those are reported
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(bytes("a,b\nR1," + "x".repeat(1000)));
        bad.write(0xFF);
        bad.writeBytes(bytes("x".repeat(max) + "\n"));
        Reading undecodable = read(bad.toByteArray(), true, 0);
        assertThat(undecodable.error).isInstanceOf(LineDecodingReader.UndecodableLineException.class);
        assertThat(((LineDecodingReader.UndecodableLineException) undecodable.error).line()).isEqualTo(2);
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsKept() throws Exception {
        Reading read = read(bytes("a,b\nR1,\uFFFD山\n"), true, 0);
        assertThat(read.error).isNull();
        assertThat(read.records.get(1)).isEqualTo("2 [R1, \uFFFD山]");
    }

    /** What reading a file gave: each record with the lines read after it, then the end or the error. */
    private record Reading(List<String> records, long linesRead, Exception error) {
    }

    private static Reading read(byte[] content, boolean fromBytes, int chunk) throws Exception {
        InputStream in = chunk == 0 ? new ByteArrayInputStream(content) : new Trickle(content, chunk);
        CsvRecords records = fromBytes ? new Utf8CsvRecords(in, RegistryReader.MULTILINE_LIMIT)
                : CsvRecords.of(RegistryReader.openCsv(new LineDecodingReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))));
        List<String> read = new ArrayList<>();
        try (records) {
            for (String[] r = records.readNext(); r != null; r = records.readNext()) {
                read.add(records.linesRead() + " " + Arrays.toString(r));
            }
            return new Reading(read, records.linesRead(), null);
        } catch (LineDecodingReader.UndecodableLineException | LineDecodingReader.LineTooLongException
                 | CsvMalformedLineException | CsvMultilineLimitBrokenException e) {
            return new Reading(read, records.linesRead(), e);
        }
    }

    private static void assertSame(Reading expected, Reading actual, int n, byte[] content) {
        String what = "file " + n + ": " + Arrays.toString(content);
        if (expected.error == null || !(expected.error instanceof LineDecodingReader.UndecodableLineException
                || expected.error instanceof LineDecodingReader.LineTooLongException)) {
            assertThat(actual.records).as(what).isEqualTo(expected.records);
            assertThat(actual.linesRead).as(what).isEqualTo(expected.linesRead);
            assertThat(describe(actual.error)).as(what).isEqualTo(describe(expected.error));
            return;
        }
        // The decoding reader stopped at bytes ahead: the byte reader gave those records and maybe more.
        assertThat(actual.records.subList(0, Math.min(actual.records.size(), expected.records.size())))
                .as(what).isEqualTo(expected.records);
        assertThat(actual.error).as(what).isNotNull();
        long expectedLine = line(expected.error);
        if (actual.error.getClass() == expected.error.getClass()) {
            assertThat(line(actual.error)).as(what).isEqualTo(expectedLine);
        } else {
            // a CSV error on an earlier line, met before the bad bytes
            assertThat(actual.error).as(what)
                    .isInstanceOfAny(CsvMalformedLineException.class, CsvMultilineLimitBrokenException.class);
            assertThat(actual.linesRead).as(what).isLessThan(expectedLine);
        }
    }

    private static String describe(Exception e) {
        return e == null ? "end" : e.getClass().getSimpleName() + " " + line(e);
    }

    /** The line a decoding error names; OpenCSV's own numbers are not used (the registry reader names the record's). */
    private static long line(Exception e) {
        return switch (e) {
            case LineDecodingReader.UndecodableLineException u -> u.line();
            case LineDecodingReader.LineTooLongException t -> t.line();
            default -> -1;
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An input stream that gives at most {@code chunk} bytes a read. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] content, int chunk) {
            super(content);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
