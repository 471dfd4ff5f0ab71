package jp.expirynotices.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes the registry in any Java charset (UTF-8, Windows-31J, UTF-16 ...) while counting lines the way the CSV
 * reader does (CR LF, LF or a lone CR each end one line), so that a byte sequence that is not valid in the chosen
 * encoding is reported with its exact line. A stock {@code InputStreamReader} reads ahead and cannot say where the
 * bad bytes were. A physical line longer than {@link #MAX_LINE_CHARS} stops the reading: such a file is no registry
 * (or is read in the wrong encoding), and holding it would only exhaust the memory.
 */
final class LineDecodingReader extends Reader {

    /** Longest physical line accepted, in chars: far above any real registry row (a field is at most 100). */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    /** Bytes that do not decode, on a known line. */
    static final class UndecodableLineException extends CharacterCodingException {
        private final long line;

        UndecodableLineException(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return "undecodable bytes on line " + line;
        }
    }

    /** A physical line longer than {@link #MAX_LINE_CHARS}. */
    static final class LineTooLongException extends IOException {
        private final long line;

        LineTooLongException(long line) {
            super("line " + line + " is longer than " + MAX_LINE_CHARS + " characters");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 14).flip();
    /** The line the next decoded char is on (1 = the header). */
    private long line = 1;
    private long lineLength;
    private boolean afterCr;
    private boolean eof;
    private boolean flushed;

    LineDecodingReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder.reset();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next chars into {@link #chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!eof) {
                readBytes();
            }
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (!result.isError() && eof && !bytes.hasRemaining()) {
                result = decoder.flush(chars);
                if (!result.isError() && !result.isOverflow()) {
                    flushed = true;
                }
            }
            if (result.isError()) {
                count(chars.position());
                throw new UndecodableLineException(line);
            }
            if (flushed) {
                break;
            }
        }
        count(chars.position());
        chars.flip();
        return chars.hasRemaining();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Counts the line ends in the first {@code n} decoded chars, as CSV reading will see them. */
    private void count(int n) throws LineTooLongException {
        char[] decoded = chars.array();
        for (int i = 0; i < n; i++) {
            char c = decoded[i];
            if (c == '\r') {
                line++;
                lineLength = 0;
                afterCr = true;
            } else if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                lineLength = 0;
                afterCr = false;
            } else {
                afterCr = false;
                if (++lineLength > MAX_LINE_CHARS) {
                    throw new LineTooLongException(line);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
