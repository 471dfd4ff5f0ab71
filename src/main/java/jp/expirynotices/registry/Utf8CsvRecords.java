package jp.expirynotices.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.opencsv.RFC4180Parser;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;

/**
 * The records of a UTF-8 registry read from its bytes: the same records, line numbers and errors as OpenCSV's
 * reader over {@link LineDecodingReader} ({@code Utf8CsvRecordsTest} compares them), with far less garbage. That
 * reader makes each line a string, then each field a copy of part of it; here a line is split at its comma bytes
 * ({@link #split}), an ASCII field becomes a string straight from the bytes and any other field is decoded once into
 * a buffer kept for the next. A million rows are about a third less to allocate and collect in the select step.
 * That takes lines without a quote and lines whose quoted fields each open and close on the line. Any other line
 * with a quote, and the lines a quoted field runs over, are decoded whole and go to OpenCSV's
 * {@link RFC4180Parser} (the parser {@link QuoteFreeLineParser} falls back to), record by record the way OpenCSV's
 * reader drives it.
 *
 * <p>UTF-8 makes this safe: the bytes of CR, LF, comma and quote never occur inside a multi-byte character.
 * Decoding is strict, as in {@link LineDecodingReader}: bytes that are not UTF-8 stop the reading with their line.
 */
final class Utf8CsvRecords implements CsvRecords {

    /** A line of at most {@link LineDecodingReader#MAX_LINE_CHARS} characters has at most 3 bytes for each. */
    static final int MAX_LINE_BYTES = 3 * LineDecodingReader.MAX_LINE_CHARS + 6;

    private final InputStream in;
    private final int multilineLimit;
    /** Only lines {@link #split} leaves (with a quote): QuoteFreeLineParser's shortcut would never apply. */
    private final RFC4180Parser parser = new RFC4180Parser();
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[1 << 16];
    private ByteBuffer bytes = ByteBuffer.wrap(buf);
    private CharBuffer chars = CharBuffer.allocate(256);
    /** The unread bytes are {@code buf[pos, limit)}. */
    private int pos;
    private int limit;
    private boolean eof;
    /** The last line ended with CR: a LF right after it belongs to that line end. */
    private boolean skipLf;
    private boolean hasNext = true;
    private long linesRead;

    /** The line just read: {@code buf[lineStart, lineEnd)}. */
    private int lineStart;
    private int lineEnd;
    private String[] fields = new String[16];

    /** @param in the file's bytes after any byte-order mark */
    Utf8CsvRecords(InputStream in, int multilineLimit) {
        this.in = in;
        this.multilineLimit = multilineLimit;
    }

    @Override
    public long linesRead() {
        return linesRead;
    }

    /** As {@code CSVReader.readNext()}: lines are read until the record's quoted fields are closed. */
    @Override
    public String[] readNext() throws IOException, CsvException {
        String[] record = null;
        int linesInRecord = 0;
        do {
            if (!hasNext || !nextLine()) {
                hasNext = false;
                if (parser.isPending()) {
                    throw new CsvMalformedLineException("unterminated quoted field", linesRead + 1, "");
                }
                return record;
            }
            linesRead++;
            linesInRecord++;
            String[] read = parser.isPending() ? null : split();
            if (read == null) {
                // decoded before the limit is checked: bad bytes on the line are reported first, as by OpenCSV's
                // reader
                String text = decode(lineStart, lineEnd);
                if (multilineLimit > 0 && linesInRecord > multilineLimit) {
                    throw new CsvMultilineLimitBrokenException("quoted field over too many lines", linesRead, "",
                            multilineLimit);
                }
                read = parser.parseLineMulti(text);
            }
            if (read.length > 0) {
                record = record == null ? read : concat(record, read);
            }
        } while (parser.isPending());
        return record;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * The line's fields, as RFC 4180 reads them, when it holds no quote or only quotes that enclose whole fields on
     * the line (a quote inside written twice); null for any other line with a quote (one that a quoted field runs
     * over, text after a closing quote, a quote inside an unquoted field), which goes to OpenCSV. A building name
     * with a comma is quoted: one line in twenty of the benchmark's registry, for which OpenCSV's parser cost the
     * select step a fifth of its time, most of it in compiling that parser.
     */
    private String[] split() throws IOException {
        int count = 0;
        int i = lineStart;
        while (true) {
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, count * 2);
            }
            boolean ascii = true;
            if (i < lineEnd && buf[i] == '"') {
                int start = i + 1;
                boolean doubled = false;
                for (i = start; ; i++) {
                    if (i == lineEnd) {
                        return null;
                    }
                    byte b = buf[i];
                    if (b == '"') {
                        if (i + 1 == lineEnd || buf[i + 1] != '"') {
                            break;
                        }
                        doubled = true;
                        i++;
                    } else if (b < 0) {
                        ascii = false;
                    }
                }
                String text = text(start, i, ascii);
                fields[count++] = doubled ? text.replace("\"\"", "\"") : text;
                i++;
                if (i < lineEnd && buf[i] != ',') {
                    return null;
                }
            } else {
                int start = i;
                for (; i < lineEnd && buf[i] != ','; i++) {
                    if (buf[i] == '"') {
                        return null;
                    }
                    ascii &= buf[i] >= 0;
                }
                fields[count++] = text(start, i, ascii);
            }
            if (i == lineEnd) {
                return Arrays.copyOf(fields, count);
            }
            i++;
        }
    }

    /** {@code buf[from, to)}: ASCII made a string straight from the bytes, anything else decoded strictly. */
    private String text(int from, int to, boolean ascii) throws IOException {
        return ascii ? new String(buf, from, to - from, StandardCharsets.ISO_8859_1) : decode(from, to);
    }

    /** {@code buf[from, to)} of the current line, decoded strictly. */
    private String decode(int from, int to) throws IOException {
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(Math.max(to - from, chars.capacity() * 2));
        }
        chars.clear();
        strict.reset();
        bytes.limit(to).position(from);
        CoderResult result = strict.decode(bytes, chars, true);
        if (!result.isError()) {
            result = strict.flush(chars);
        }
        if (result.isError()) {
            throw new LineDecodingReader.UndecodableLineException(linesRead);
        }
        return new String(chars.array(), 0, chars.position());
    }

    /**
     * Reads the next physical line (CR LF, LF or a lone CR ends it, as {@code BufferedReader.readLine}); false at
     * the end of the file.
     */
    private boolean nextLine() throws IOException {
        if (skipLf) {
            if (pos == limit) {
                fill();
            }
            if (pos < limit && buf[pos] == '\n') {
                pos++;
            }
            skipLf = false;
        }
        int i = pos;
        while (true) {
            if (i == limit) {
                if (!eof) {
                    i -= fill();
                    continue;
                }
                if (i == pos) {
                    return false;   // nothing after the last line end
                }
                lineEnd = i;
                break;
            }
            byte b = buf[i];
            if (b == '\n' || b == '\r') {
                lineEnd = i;
                skipLf = b == '\r';
                break;
            }
            i++;
        }
        lineStart = pos;
        pos = lineEnd < limit ? lineEnd + 1 : lineEnd;
        if (lineEnd - lineStart > LineDecodingReader.MAX_LINE_CHARS) {
            checkLongLine(lineStart, lineEnd, true);
        }
        return true;
    }

    /**
     * Reads more bytes, first moving the current line to the start of the buffer (and growing it for a long line);
     * returns how far the bytes moved.
     */
    private int fill() throws IOException {
        int shift = pos;
        if (shift > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE_BYTES) {
                // more bytes than a line of at most MAX_LINE_CHARS characters can have: the check throws
                checkLongLine(0, limit, false);
                throw new LineDecodingReader.LineTooLongException(linesRead + 1);
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
            bytes = ByteBuffer.wrap(buf);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    /**
     * A line of more bytes than {@link LineDecodingReader#MAX_LINE_CHARS}: refused as {@link LineDecodingReader}
     * refuses it, for bytes that do not decode or for more characters than that, whichever comes first.
     */
    private void checkLongLine(int from, int to, boolean whole) throws IOException {
        long line = linesRead + 1;
        CharBuffer out = CharBuffer.allocate(1 << 14);
        bytes.limit(to).position(from);
        strict.reset();
        long count = 0;
        while (true) {
            CoderResult result = strict.decode(bytes, out, whole);
            count += out.position();
            out.clear();
            if (count > LineDecodingReader.MAX_LINE_CHARS) {
                throw new LineDecodingReader.LineTooLongException(line);
            }
            if (result.isError()) {
                throw new LineDecodingReader.UndecodableLineException(line);
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
