package jp.expirynotices.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The objects of one PDF file with a classic cross-reference table (ISO 32000-1, 7.5), as OpenPDF writes the
 * letters: each object's value parsed (dictionaries, arrays, references), the byte ranges of its value and of its
 * stream data, and where in the value each indirect reference sits (names as {@link ContentTokens.Name}, escapes
 * kept as written) — so that the print bundles can copy an object
 * byte for byte with only its references renumbered, and the self-check can read page 1 without a general PDF
 * library building objects for the whole file. Read-only; errors say which object and byte.
 */
public final class PdfObjects {

    /** An indirect reference {@code number generation R} at bytes [start, end) of the file. */
    public record Ref(int number, int start, int end) {
    }

    /** An object: its value at bytes [valueStart, valueEnd), its stream data at [dataStart, dataEnd) if any. */
    public record PdfObject(int number, Object value, int valueStart, int valueEnd, int dataStart, int dataEnd,
                     List<Ref> refs) {

        public boolean isStream() {
            return dataStart >= 0;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> dictionary() {
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    private final byte[] in;
    private final String name;
    /** Byte offset of each object by number; 0 where the table lists none. */
    private int[] offsets = new int[0];
    private final Map<String, Object> trailer;
    private int pos;
    private List<Ref> refs;

    private PdfObjects(byte[] in, String name) throws IOException {
        this.in = in;
        this.name = name;
        this.trailer = readCrossReferences();
    }

    /** Reads the cross-reference table of {@code pdf}; {@code name} is for messages. */
    public static PdfObjects read(byte[] pdf, String name) throws IOException {
        return new PdfObjects(pdf, name);
    }

    public byte[] bytes() {
        return in;
    }

    public Map<String, Object> trailer() {
        return trailer;
    }

    /** Object {@code number}, parsed. */
    public PdfObject object(int number) throws IOException {
        if (number <= 0 || number >= offsets.length || offsets[number] == 0) {
            throw error("object " + number + " is not in the cross-reference table", -1);
        }
        pos = offsets[number];
        refs = new ArrayList<>();
        Object n = token();
        Object generation = token();
        if (!(n instanceof Long found) || found != number || !(generation instanceof Long)
                || !keyword("obj").equals(token())) {
            throw error("object " + number + " not found where the cross-reference table says", offsets[number]);
        }
        skipSpace();
        int valueStart = pos;
        Object value = value();
        int valueEnd = pos;
        List<Ref> objectRefs = refs;
        Object after = token();
        if (keyword("endobj").equals(after)) {
            return new PdfObject(number, value, valueStart, valueEnd, -1, -1, objectRefs);
        }
        if (!keyword("stream").equals(after) || !(value instanceof Map<?, ?> dictionary)) {
            throw error("object " + number + " does not end with endobj", pos);
        }
        if (pos < in.length && in[pos] == '\r') {
            pos++;
        }
        if (pos < in.length && in[pos] == '\n') {
            pos++;
        }
        int dataStart = pos;
        long length = lengthOf(dictionary.get("Length"));
        if (length < 0 || dataStart + length > in.length) {
            throw error("object " + number + " has no valid stream /Length", dataStart);
        }
        int dataEnd = (int) (dataStart + length);
        pos = dataEnd;
        if (!keyword("endstream").equals(token())) {
            throw error("object " + number + ": stream data does not end at its /Length", dataEnd);
        }
        return new PdfObject(number, value, valueStart, valueEnd, dataStart, dataEnd, objectRefs);
    }

    /** The page objects in page order, and (into {@code treeNodes}) the numbers of the page tree's inner nodes. */
    public List<Integer> pages(List<Integer> treeNodes) throws IOException {
        if (!(trailer.get("Root") instanceof Ref root)
                || !(object(root.number()).dictionary().get("Pages") instanceof Ref pages)) {
            throw error("no document catalog with /Pages", -1);
        }
        List<Integer> leaves = new ArrayList<>();
        collectPages(pages.number(), leaves, treeNodes, 0);
        return leaves;
    }

    /** {@code value}, or the value of the object it refers to. */
    public Object resolve(Object value) throws IOException {
        return value instanceof Ref ref ? object(ref.number()).value() : value;
    }

    /** The dictionary {@code value} is or refers to; empty for anything else. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dictionary(Object value) throws IOException {
        return resolve(value) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The stream {@code value} refers to. */
    public PdfObject stream(Object value) throws IOException {
        if (!(value instanceof Ref ref) || !object(ref.number()).isStream()) {
            throw error("expected a reference to a stream, found " + value, -1);
        }
        return object(ref.number());
    }

    /** The stream's data as stored (still encoded). */
    public byte[] raw(PdfObject stream) {
        return Arrays.copyOfRange(in, stream.dataStart(), stream.dataEnd());
    }

    /** The stream's data decoded: as stored, or inflated ({@code /FlateDecode} without parameters, as we write). */
    public byte[] decoded(PdfObject stream) throws IOException {
        Object filter = resolve(stream.dictionary().get("Filter"));
        if (filter instanceof List<?> filters && filters.size() == 1) {
            filter = filters.getFirst();
        }
        if (filter == null) {
            return raw(stream);
        }
        if (!new ContentTokens.Name("FlateDecode").equals(filter) || stream.dictionary().containsKey("DecodeParms")) {
            throw error("object " + stream.number() + " has a filter other than plain /FlateDecode", -1);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, stream.dataStart(), stream.dataEnd() - stream.dataStart());
            byte[] out = new byte[Math.max(64, (stream.dataEnd() - stream.dataStart()) * 4)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw error("object " + stream.number() + ": compressed data ends early", stream.dataEnd());
                }
                length += n;
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw error("object " + stream.number() + ": not valid Flate data", stream.dataStart());
        } finally {
            inflater.end();
        }
    }

    /**
     * The decoded content of {@code page}: its one content stream, or its several joined with white space between
     * them, as if they were one (7.8.2).
     */
    public byte[] pageContent(PdfObject page) throws IOException {
        Object contents = page.dictionary().get("Contents");
        if (!(resolve(contents) instanceof List<?> parts)) {
            return decoded(stream(contents));
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Object part : parts) {
            joined.write(decoded(stream(part)));
            joined.write('\n');
        }
        return joined.toByteArray();
    }

    private void collectPages(int number, List<Integer> leaves, List<Integer> nodes, int depth) throws IOException {
        Map<String, Object> node = object(number).dictionary();
        if (new ContentTokens.Name("Page").equals(node.get("Type"))) {
            leaves.add(number);
            return;
        }
        if (depth > 32 || !(node.get("Kids") instanceof List<?> kids)) {
            throw error("page tree node " + number + " has no /Kids", -1);
        }
        for (String inherited : List.of("Resources", "MediaBox", "CropBox", "Rotate")) {
            if (node.containsKey(inherited)) {
                // A page copied alone would lose what it inherits: our letters keep everything on the page.
                throw error("page tree node " + number + " has /" + inherited + " for its pages to inherit", -1);
            }
        }
        nodes.add(number);
        for (Object kid : kids) {
            if (!(kid instanceof Ref ref)) {
                throw error("page tree node " + number + " has a kid that is not a reference", -1);
            }
            collectPages(ref.number(), leaves, nodes, depth + 1);
        }
    }

    private long lengthOf(Object length) throws IOException {
        if (length instanceof Long direct) {
            return direct;
        }
        if (length instanceof Ref ref) {
            int saved = pos;
            List<Ref> savedRefs = refs;
            Object value = object(ref.number()).value();
            pos = saved;
            refs = savedRefs;
            return value instanceof Long indirect ? indirect : -1;
        }
        return -1;
    }

    // --- cross-reference table (7.5.4) and trailer (7.5.5)

    private Map<String, Object> readCrossReferences() throws IOException {
        int startxref = lastIndexOf("startxref", Math.max(0, in.length - 1024));
        if (startxref < 0) {
            throw error("no startxref: not a complete PDF", in.length);
        }
        pos = startxref + "startxref".length();
        if (!(token() instanceof Long xref) || xref < 0 || xref >= in.length) {
            throw error("startxref does not point into the file", startxref);
        }
        Map<String, Object> first = null;
        long section = xref;
        for (int sections = 0; section >= 0; sections++) {
            if (sections > 64) {
                throw error("too many cross-reference sections", (int) section);
            }
            Map<String, Object> sectionTrailer = readSection((int) section);
            if (first == null) {
                first = sectionTrailer;
            }
            section = sectionTrailer.get("Prev") instanceof Long prev ? prev : -1;
        }
        return first;
    }

    private Map<String, Object> readSection(int at) throws IOException {
        pos = at;
        refs = new ArrayList<>();
        if (!keyword("xref").equals(token())) {
            // A cross-reference stream (PDF 1.5) — OpenPDF writes those only when asked to compress fully.
            throw error("no cross-reference table at startxref", at);
        }
        while (true) {
            Object start = token();
            if (keyword("trailer").equals(start)) {
                if (!(value() instanceof Map<?, ?> dictionary)) {
                    throw error("trailer is not a dictionary", pos);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> trailerDictionary = (Map<String, Object>) dictionary;
                return trailerDictionary;
            }
            if (!(start instanceof Long first) || !(token() instanceof Long count) || first < 0 || count < 0
                    || first + count > 10_000_000) {
                throw error("malformed cross-reference subsection", pos);
            }
            if (first + count > offsets.length) {
                offsets = Arrays.copyOf(offsets, (int) (first + count));
            }
            for (int i = 0; i < count; i++) {
                Object offset = token();
                token(); // generation
                Object kind = token();
                if (!(offset instanceof Long o) || !(kind instanceof Keyword(String k))) {
                    throw error("malformed cross-reference entry", pos);
                }
                int number = (int) (first + i);
                // The newest section is read first: an entry there wins over older sections.
                if (k.equals("n") && o > 0 && o < in.length && offsets[number] == 0) {
                    offsets[number] = (int) (long) o;
                }
            }
        }
    }

    private int lastIndexOf(String word, int from) {
        byte[] w = word.getBytes(StandardCharsets.US_ASCII);
        for (int i = in.length - w.length; i >= from; i--) {
            int k = 0;
            while (k < w.length && in[i + k] == w[k]) {
                k++;
            }
            if (k == w.length) {
                return i;
            }
        }
        return -1;
    }

    // --- objects (7.3)

    private record Keyword(String word) {
    }

    private static Keyword keyword(String word) {
        return new Keyword(word);
    }

    private static final Object DICTIONARY_END = new Object();
    private static final Object ARRAY_END = new Object();

    /** One complete value: a dictionary or an array with everything in it, a reference, or a single token. */
    private Object value() throws IOException {
        skipSpace();
        int start = pos;
        Object token = token();
        if (token == DICTIONARY_START) {
            Map<String, Object> dictionary = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                int keyAt = pos;
                Object key = token();
                if (key == DICTIONARY_END) {
                    return dictionary;
                }
                if (!(key instanceof ContentTokens.Name(String k))) {
                    throw error("dictionary key is not a name", keyAt);
                }
                dictionary.put(k, value());
            }
        }
        if (token == ARRAY_START) {
            List<Object> array = new ArrayList<>();
            while (true) {
                skipSpace();
                int at = pos;
                if (at < in.length && in[at] == ']') {
                    pos++;
                    return array;
                }
                array.add(value());
            }
        }
        if (token instanceof Long number && number >= 0) {
            int afterNumber = pos;
            if (token() instanceof Long && keyword("R").equals(token())) {
                Ref ref = new Ref((int) (long) number, start, pos);
                refs.add(ref);
                return ref;
            }
            pos = afterNumber;
        }
        if (token == null || token == DICTIONARY_END || token == ARRAY_END) {
            throw error("a value is missing", start);
        }
        return token;
    }

    private static final Object DICTIONARY_START = new Object();
    private static final Object ARRAY_START = new Object();

    /** The next token: Long, Double, Name, byte[] (a string, undecoded), Keyword, or a bracket marker. */
    private Object token() throws IOException {
        skipSpace();
        if (pos >= in.length) {
            return null;
        }
        int start = pos;
        int c = in[pos] & 0xff;
        switch (c) {
            case '(' -> {
                skipLiteralString();
                return new byte[0];
            }
            case '<' -> {
                if (pos + 1 < in.length && in[pos + 1] == '<') {
                    pos += 2;
                    return DICTIONARY_START;
                }
                while (pos < in.length && in[pos] != '>') {
                    pos++;
                }
                if (pos++ >= in.length) {
                    throw error("unterminated hexadecimal string", start);
                }
                return new byte[0];
            }
            case '>' -> {
                if (pos + 1 < in.length && in[pos + 1] == '>') {
                    pos += 2;
                    return DICTIONARY_END;
                }
                throw error("unexpected '>'", start);
            }
            case '[' -> {
                pos++;
                return ARRAY_START;
            }
            case ']' -> {
                pos++;
                return ARRAY_END;
            }
            case '/' -> {
                pos++;
                while (pos < in.length && ContentTokens.regular(in[pos] & 0xff)) {
                    pos++;
                }
                return new ContentTokens.Name(new String(in, start + 1, pos - start - 1, StandardCharsets.ISO_8859_1));
            }
            case ')', '{', '}' -> throw error("unexpected '" + (char) c + "'", start);
            default -> {
                while (pos < in.length && ContentTokens.regular(in[pos] & 0xff)) {
                    pos++;
                }
                String word = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
                return number(word);
            }
        }
    }

    private static Object number(String word) {
        boolean integer = !word.isEmpty();
        boolean numeric = !word.isEmpty();
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            boolean sign = i == 0 && (ch == '-' || ch == '+');
            if (!(ch >= '0' && ch <= '9') && !sign) {
                integer = false;
                numeric &= ch == '.';
            }
        }
        if (integer && word.length() < 18 && !(word.length() == 1 && !Character.isDigit(word.charAt(0)))) {
            return Long.parseLong(word);
        }
        if (numeric) {
            try {
                return Double.parseDouble(word);
            } catch (NumberFormatException e) {
                return new Keyword(word);
            }
        }
        return new Keyword(word);
    }

    private void skipLiteralString() throws IOException {
        int start = pos++;
        int depth = 1;
        while (pos < in.length) {
            int c = in[pos++];
            if (c == '\\') {
                pos++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
        throw error("unterminated string", start);
    }

    private void skipSpace() {
        pos = ContentTokens.afterSpaceAndComments(in, pos);
    }

    private IOException error(String what, int at) {
        return new IOException(name + ": " + what + (at >= 0 ? " (byte " + at + ")" : ""));
    }
}
