package jp.expirynotices.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;

/**
 * Decodes an ASCII-compatible encoding (UTF-8, Windows-31J, EUC-JP ...) one physical line at a time, so that a
 * byte sequence that is not valid in the chosen encoding is reported with its exact line. A stock
 * {@code InputStreamReader} reads ahead and cannot say where the bad bytes were.
 */
final class LineDecodingReader extends Reader {

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

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(256);
    private CharBuffer current = CharBuffer.allocate(0);
    private long line;
    private boolean eof;

    LineDecodingReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (!nextLine()) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(cbuf, off, n);
        return n;
    }

    private boolean nextLine() throws IOException {
        if (eof) {
            return false;
        }
        lineBytes.reset();
        int b;
        while ((b = in.read()) != -1) {
            lineBytes.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (b == -1) {
            eof = true;
            if (lineBytes.size() == 0) {
                return false;
            }
        }
        line++;
        try {
            decoder.reset();
            current = decoder.decode(ByteBuffer.wrap(lineBytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new UndecodableLineException(line);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
