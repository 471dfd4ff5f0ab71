package jp.expirynotices.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of a PDF content stream (ISO 32000-1, 7.2, 7.3 and 8.9.7), in stream order, for reading back what a
 * page draws: numbers as {@link Double}, strings (literal or hexadecimal) as {@code byte[]}, names as {@link Name},
 * arrays as {@code List<Object>}, dictionaries as {@code Map<String, Object>}, {@code true}/{@code false} as
 * {@link Boolean}, {@code null} as {@link #NULL} and operators as {@link Operator}.
 *
 * <p>Why not PDFBox's {@code PDFStreamParser}: it builds a COS object with its own buffers for every token, and the
 * self-check tokenises page 1 of every letter of the night — it was a third of that step's time. This reads the
 * decoded bytes once and allocates one small object per token. PDFBox stays the reference in the tests.
 */
public final class ContentTokens {

    /** A name object, without its slash, {@code #xx} escapes resolved. */
    public record Name(String name) {
    }

    /** An operator (a keyword that is not {@code true}, {@code false} or {@code null}). */
    public record Operator(String name) {
    }

    /** The {@code null} object. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final byte[] in;
    private int pos;
    /** The string being read (reused: a letter page has a few hundred strings). */
    private byte[] string = new byte[256];
    private int length;

    private ContentTokens(byte[] content) {
        this.in = content;
    }

    /** Every token of {@code content}, a decoded content stream. */
    public static List<Object> parse(byte[] content) throws IOException {
        ContentTokens tokens = new ContentTokens(content);
        List<Object> out = new ArrayList<>(content.length / 6 + 16);
        Object token;
        while ((token = tokens.next()) != null) {
            out.add(token);
            if (token instanceof Operator(String name) && name.equals("ID")) {
                tokens.skipInlineImageData();
            }
        }
        return out;
    }

    /** The next token, or null at the end. */
    private Object next() throws IOException {
        skipSpaceAndComments();
        if (pos >= in.length) {
            return null;
        }
        int c = in[pos] & 0xff;
        return switch (c) {
            case '(' -> literalString();
            case '/' -> name();
            case '[' -> {
                pos++;
                yield array();
            }
            case '<' -> {
                if (pos + 1 < in.length && in[pos + 1] == '<') {
                    pos += 2;
                    yield dictionary();
                }
                yield hexString();
            }
            case ']', '>', ')', '{', '}' -> {
                // Not a token of their own here; PostScript braces occur only in Type 4 functions.
                int at = pos++;
                if (c == '>' && pos < in.length && in[pos] == '>') {
                    pos++;
                    yield new Operator(">>");
                }
                if (c == ']') {
                    yield new Operator("]");
                }
                throw error("unexpected '" + (char) c + "'", at);
            }
            default -> number(c) ? numberToken() : keyword();
        };
    }

    private List<Object> array() throws IOException {
        List<Object> items = new ArrayList<>();
        while (true) {
            int at = pos;
            Object token = next();
            if (token == null) {
                throw error("unterminated array", at);
            }
            if (token instanceof Operator(String name) && name.equals("]")) {
                return items;
            }
            items.add(token);
        }
    }

    private Map<String, Object> dictionary() throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>();
        while (true) {
            int at = pos;
            Object key = next();
            if (key instanceof Operator(String name) && name.equals(">>")) {
                return entries;
            }
            if (!(key instanceof Name(String name))) {
                throw error(key == null ? "unterminated dictionary" : "dictionary key is not a name", at);
            }
            Object value = next();
            if (value == null) {
                throw error("unterminated dictionary", at);
            }
            entries.put(name, value);
        }
    }

    private byte[] literalString() throws IOException {
        int start = pos++;
        length = 0;
        int depth = 1;
        while (pos < in.length) {
            int c = in[pos++] & 0xff;
            switch (c) {
                case '(' -> {
                    depth++;
                    write(c);
                }
                case ')' -> {
                    if (--depth == 0) {
                        return Arrays.copyOf(string, length);
                    }
                    write(c);
                }
                case '\\' -> escape();
                case '\r' -> {
                    // An end of line in a string reads as a line feed, whatever its bytes (7.3.4.2).
                    if (pos < in.length && in[pos] == '\n') {
                        pos++;
                    }
                    write('\n');
                }
                default -> write(c);
            }
        }
        throw error("unterminated string", start);
    }

    private void escape() {
        if (pos >= in.length) {
            return;
        }
        int c = in[pos++] & 0xff;
        switch (c) {
            case 'n' -> write('\n');
            case 'r' -> write('\r');
            case 't' -> write('\t');
            case 'b' -> write('\b');
            case 'f' -> write('\f');
            case '\r' -> {
                // Line continuation: the backslash and the end of line are not part of the string.
                if (pos < in.length && in[pos] == '\n') {
                    pos++;
                }
            }
            case '\n' -> {
                // Line continuation.
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int k = 0; k < 2 && pos < in.length && in[pos] >= '0' && in[pos] <= '7'; k++) {
                        value = value * 8 + (in[pos++] - '0');
                    }
                    write(value & 0xff);
                } else {
                    write(c); // \( \) \\ and any other character stand for themselves
                }
            }
        }
    }

    private byte[] hexString() throws IOException {
        int start = pos++;
        length = 0;
        int high = -1;
        while (pos < in.length) {
            int c = in[pos++] & 0xff;
            if (c == '>') {
                if (high >= 0) {
                    write(high << 4); // an odd final digit is followed by an implied 0
                }
                return Arrays.copyOf(string, length);
            }
            if (whiteSpace(c)) {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                throw error("not a hexadecimal digit in a string", pos - 1);
            }
            if (high < 0) {
                high = digit;
            } else {
                write(high << 4 | digit);
                high = -1;
            }
        }
        throw error("unterminated hexadecimal string", start);
    }

    private Name name() {
        int start = ++pos;
        StringBuilder name = null;
        while (pos < in.length && regular(in[pos] & 0xff)) {
            if (in[pos] == '#' && pos + 2 < in.length && Character.digit(in[pos + 1], 16) >= 0
                    && Character.digit(in[pos + 2], 16) >= 0) {
                if (name == null) {
                    name = new StringBuilder().append(latin1(start, pos));
                }
                name.append((char) (Character.digit(in[pos + 1], 16) << 4 | Character.digit(in[pos + 2], 16)));
                pos += 3;
            } else {
                if (name != null) {
                    name.append((char) (in[pos] & 0xff));
                }
                pos++;
            }
        }
        return new Name(name == null ? latin1(start, pos) : name.toString());
    }

    private void write(int b) {
        if (length == string.length) {
            string = Arrays.copyOf(string, length * 2);
        }
        string[length++] = (byte) b;
    }

    private static boolean number(int c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    private Object numberToken() throws IOException {
        int start = pos;
        boolean negative = false;
        if (in[pos] == '-' || in[pos] == '+') {
            negative = in[pos] == '-';
            pos++;
        }
        long whole = 0;
        long fraction = 0;
        long scale = 1;
        boolean point = false;
        boolean digits = false;
        while (pos < in.length) {
            int c = in[pos];
            if (c >= '0' && c <= '9') {
                digits = true;
                if (point) {
                    if (scale < 1_000_000_000_000L) {
                        fraction = fraction * 10 + (c - '0');
                        scale *= 10;
                    }
                } else {
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
            pos++;
        }
        if (pos < in.length && regular(in[pos] & 0xff)) {
            // Not a number after all (such as "1a"): read the whole run as a keyword.
            pos = start;
            return keyword();
        }
        if (!digits) {
            throw error("not a number", start);
        }
        double value = whole + (double) fraction / scale;
        return negative ? -value : value;
    }

    /** Every operator of ISO 32000-1 (Annex A), by its bytes packed into an int: one instance each, not one per use. */
    private static final Map<Integer, Operator> OPERATORS = operators("b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 "
            + "Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh "
            + "T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \"");

    private static Map<Integer, Operator> operators(String names) {
        Map<Integer, Operator> operators = new java.util.HashMap<>();
        for (String name : names.split(" ")) {
            byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
            operators.put(packed(b, 0, b.length), new Operator(name));
        }
        return Map.copyOf(operators);
    }

    private static int packed(byte[] bytes, int from, int to) {
        int key = 0;
        for (int i = from; i < to; i++) {
            key = key << 8 | (bytes[i] & 0xff);
        }
        return key;
    }

    private Object keyword() {
        int start = pos;
        while (pos < in.length && regular(in[pos] & 0xff)) {
            pos++;
        }
        if (pos - start <= 3) {
            Operator known = OPERATORS.get(packed(in, start, pos));
            if (known != null) {
                return known;
            }
        }
        String word = latin1(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> NULL;
            default -> new Operator(word);
        };
    }

    /** After {@code ID}: one white-space byte, then binary data up to {@code EI} between white space (8.9.7). */
    private void skipInlineImageData() throws IOException {
        int start = pos;
        pos++;
        while (pos + 1 < in.length) {
            if (in[pos] == 'E' && in[pos + 1] == 'I' && whiteSpace(in[pos - 1] & 0xff)
                    && (pos + 2 == in.length || !regular(in[pos + 2] & 0xff))) {
                return; // EI itself is read as the next operator
            }
            pos++;
        }
        throw error("inline image without EI", start);
    }

    private void skipSpaceAndComments() {
        pos = afterSpaceAndComments(in, pos);
    }

    /** The first byte at or after {@code pos} that is neither white space nor in a comment (7.2.2, 7.2.4). */
    static int afterSpaceAndComments(byte[] in, int pos) {
        while (pos < in.length) {
            int c = in[pos] & 0xff;
            if (c == '%') {
                while (pos < in.length && in[pos] != '\n' && in[pos] != '\r') {
                    pos++;
                }
            } else if (whiteSpace(c)) {
                pos++;
            } else {
                return pos;
            }
        }
        return pos;
    }

    /** White space (7.2.2). */
    static boolean whiteSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    /** Neither white space nor a delimiter (7.2.2). */
    static boolean regular(int c) {
        return !whiteSpace(c) && c != '(' && c != ')' && c != '<' && c != '>' && c != '[' && c != ']'
                && c != '{' && c != '}' && c != '/' && c != '%';
    }

    private String latin1(int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private IOException error(String what, int at) {
        return new IOException("content stream: " + what + " at byte " + at);
    }
}
