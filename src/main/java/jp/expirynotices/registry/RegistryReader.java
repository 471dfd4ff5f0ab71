package jp.expirynotices.registry;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;

/**
 * Streams the registry CSV (RFC 4180, header row, UTF-8 with optional BOM or any Java charset) record by record,
 * knowing the line where each record starts. Whole-file problems become {@link RegistryInputException} with the
 * file and line, never a field's content.
 */
public final class RegistryReader implements Closeable {

    /** Encodings suggested when the chosen one does not fit, in this order. */
    static final List<String> SNIFF_CHARSETS = List.of("UTF-8", "Windows-31J", "UTF-16LE",
            "UTF-16BE");
    /** How much of the file's start is tried in each of {@link #SNIFF_CHARSETS}. */
    static final int SNIFF_BYTES = 1 << 16;

    /** A quoted field that runs longer than this many lines is taken for an unbalanced quote. */
    static final int MULTILINE_LIMIT = 20;

    private final Path file;
    private final Charset charset;
    private final CsvRecords csv;
    private final RegistryHeader header;
    private long blankLines;

    private RegistryReader(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
        this.csv = open(file, charset);
        String[] names;
        try {
            names = readRecord(1);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (names == null) {
            close();
            throw new RegistryInputException(file + ": line 1: the file is empty (a header row is required)");
        }
        this.header = RegistryHeader.of(names);
    }

    /** Opens {@code file} and reads its header; fails with exit-code-2 messages on unusable input. */
    public static RegistryReader open(Path file, Charset charset, boolean requireColumns) {
        if (!Files.exists(file)) {
            throw new RegistryInputException(file + ": input file not found");
        }
        if (Files.isDirectory(file)) {
            throw new RegistryInputException(file + ": input path is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            // a device, pipe or socket: /dev/zero would be read for ever
            throw new RegistryInputException(file + ": input path is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new RegistryInputException(file + ": input file is not readable (check permissions)");
        }
        RegistryReader reader = new RegistryReader(file, charset);
        if (requireColumns) {
            reader.checkHeader();
        }
        return reader;
    }

    private void checkHeader() {
        if (!header.duplicatedColumns().isEmpty()) {
            close();
            throw new RegistryInputException(file + ": line 1: column named more than once: "
                    + String.join(", ", header.duplicatedColumns()));
        }
        if (!header.missingRequired().isEmpty()) {
            close();
            throw new RegistryInputException(file + ": line 1: missing required column(s): "
                    + String.join(", ", header.missingRequired().stream().map(RegistryColumn::header).toList())
                    + headerHint());
        }
        if (readsAsUtf8Instead()) {
            close();
            throw new RegistryInputException(file + ": line 1: the file is UTF-8, not " + charset.name()
                    + ": its Japanese text would be read garbled (try --encoding=UTF-8)");
        }
    }

    private static CsvRecords open(Path file, Charset charset) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (charset.equals(StandardCharsets.UTF_8)) {
                skipUtf8Bom(in);
                // The default encoding, read from its bytes: the same records with less work (Utf8CsvRecords).
                return new Utf8CsvRecords(in, MULTILINE_LIMIT);
            }
            // REPORT, not REPLACE: a Shift_JIS file read as UTF-8 must stop the run, not print mojibake letters.
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new LineDecodingReader(in, decoder);
            return CsvRecords.of(openCsv(reader));
        } catch (IOException e) {
            throw new RegistryInputException(file + ": cannot open input file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * About how many lines {@code file} has, from its size and the line ends in its first {@link #SNIFF_BYTES}
     * bytes; 0 when it cannot be told (no line end there, not a regular file, or it cannot be read). Only a hint
     * for sizing.
     */
    public static long estimatedLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;   // a pipe would block here, before open() refuses it
        }
        try {
            byte[] head = head(file);
            int lf = 0;
            int cr = 0;
            for (byte b : head) {
                lf += b == '\n' ? 1 : 0;
                cr += b == '\r' ? 1 : 0;
            }
            int ends = Math.max(lf, cr);
            return ends == 0 ? 0 : Files.size(file) * ends / head.length;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The first {@link #SNIFF_BYTES} bytes of the file (fewer if it is shorter). */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    /** OpenCSV's reader as the registry is read with it, in any charset. */
    static CSVReader openCsv(Reader reader) {
        return new CSVReaderBuilder(reader)
                .withCSVParser(new QuoteFreeLineParser())
                .withMultilineLimit(MULTILINE_LIMIT)
                .withKeepCarriageReturn(false)
                // OpenCSV's reader check swallows I/O errors it does not know as end of file: a decoding
                // error would silently cut the registry short.
                .withVerifyReader(false)
                .build();
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    public RegistryHeader header() {
        return header;
    }

    public Path file() {
        return file;
    }

    /** Lines that held no field at all (skipped, counted in the summary). */
    public long blankLines() {
        return blankLines;
    }

    /** The next record, or {@code null} at the end of the file. Blank lines are skipped. */
    public RawRecord next() {
        while (true) {
            long startLine = csv.linesRead() + 1;
            String[] fields = readRecord(startLine);
            if (fields == null) {
                return null;
            }
            if (fields.length == 1 && fields[0].isEmpty() && header.width() > 1) {
                blankLines++;
                continue;
            }
            return new RawRecord(startLine, fields);
        }
    }

    private String[] readRecord(long startLine) {
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            long line = e instanceof LineDecodingReader.UndecodableLineException u ? u.line() : csv.linesRead() + 1;
            throw new RegistryInputException(file + ": line " + line + ": bytes that are not valid "
                    + charset.name() + encodingHint());
        } catch (CsvMalformedLineException | CsvMultilineLimitBrokenException | CsvException e) {
            // OpenCSV's own message quotes the broken text, which may be personal data: say where, not what.
            throw new RegistryInputException(file + ": line " + startLine
                    + ": a quoted field is not closed (unbalanced \" quote) or runs over more than "
                    + MULTILINE_LIMIT + " lines");
        } catch (LineDecodingReader.LineTooLongException e) {
            throw new RegistryInputException(file + ": line " + e.line() + ": longer than "
                    + LineDecodingReader.MAX_LINE_CHARS + " characters; not a registry file, or not "
                    + charset.name() + encodingHint());
        } catch (IOException e) {
            throw new RegistryInputException(file + ": line " + startLine + ": cannot read input ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Which encoding to try: the one a byte-order mark names, or one the file reads in, else the option. */
    private String encodingHint() {
        String bom = bomHint();
        if (!bom.isEmpty()) {
            return bom;
        }
        String sniffed = sniffEncoding(true);
        return sniffed.isEmpty() ? " (choose the file's encoding with --encoding=...)" : sniffed;
    }

    /**
     * The first of the usual encodings, other than the one chosen, in which the start of the file decodes without
     * error and whose first line is a header with every required column; empty when there is none. With
     * {@code onlyIfUndecodable}, only when the start of the file does not decode in the chosen encoding: bad bytes
     * far into a file that starts well are damage, not another encoding.
     */
    private String sniffEncoding(boolean onlyIfUndecodable) {
        byte[] head;
        try {
            head = head(file);
        } catch (IOException e) {
            return "";
        }
        if (onlyIfUndecodable && decodeStrictly(charset, head) != null) {
            return "";
        }
        for (String name : SNIFF_CHARSETS) {
            Charset candidate = Charset.forName(name);
            if (candidate.equals(charset)) {
                continue;
            }
            String decoded = decodeStrictly(candidate, head);
            if (decoded == null) {
                continue;
            }
            int end = decoded.length();
            for (int i = 0; i < decoded.length(); i++) {
                if (decoded.charAt(i) == '\r' || decoded.charAt(i) == '\n') {
                    end = i;
                    break;
                }
            }
            RegistryHeader sniffed = RegistryHeader.of(decoded.substring(0, end).split(",", -1));
            if (sniffed.missingRequired().isEmpty() && !sniffed.hasNulCharacters()) {
                return "; the file reads as " + name + " (try --encoding=" + name + ")";
            }
        }
        return "";
    }

    /**
     * Whether a legacy encoding (Windows-31J, EUC-JP ...) was chosen for a file that is UTF-8: UTF-8 Japanese text
     * often decodes in those without an error, as nonsense. Real Shift_JIS or EUC-JP text is practically never valid
     * UTF-8, so non-ASCII text that decodes strictly as UTF-8 says which encoding the file is in.
     */
    private boolean readsAsUtf8Instead() {
        if (charset.name().toUpperCase(Locale.ROOT).startsWith("UTF")) {
            return false;
        }
        byte[] head;
        try {
            head = head(file);
        } catch (IOException e) {
            return false;
        }
        boolean nonAscii = false;
        for (byte b : head) {
            nonAscii |= b < 0;
        }
        return nonAscii && decodeStrictly(StandardCharsets.UTF_8, head) != null;
    }

    /** A byte-order mark of another encoding than the one chosen says which to choose. */
    private String bomHint() {
        String name = charset.name().toUpperCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                    || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) && !name.startsWith("UTF-16")
                    && !name.startsWith("UTF-32")) {
                return "; the file starts with a UTF-16 byte-order mark (try --encoding=UTF-16)";
            }
            if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                    && !charset.equals(StandardCharsets.UTF_8)) {
                return "; the file starts with a UTF-8 byte-order mark (try --encoding=UTF-8)";
            }
        } catch (IOException ignored) {
            // only a hint
        }
        return "";
    }

    /** {@code head} decoded in {@code cs}, or null when it holds bytes that are not valid in it. */
    private static String decodeStrictly(Charset cs, byte[] head) {
        CharBuffer text = CharBuffer.allocate(head.length + 1);
        CoderResult result = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                // a character cut off at the end of a full buffer is not an error
                .decode(ByteBuffer.wrap(head), text, head.length < SNIFF_BYTES);
        return result.isError() ? null : text.flip().toString();
    }

    /** Why a header may lack its columns although the file has them: another encoding than the one chosen. */
    private String headerHint() {
        String hint = bomHint();
        if (!hint.isEmpty()) {
            return hint;
        }
        String sniffed = sniffEncoding(false);
        if (!sniffed.isEmpty()) {
            return sniffed;
        }
        if (header.hasNulCharacters()) {
            return "; the header holds NUL characters: the file looks like UTF-16 without a byte-order mark "
                    + "(try --encoding=UTF-16LE or --encoding=UTF-16BE)";
        }
        return "";
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
