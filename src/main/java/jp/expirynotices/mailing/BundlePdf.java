package jp.expirynotices.mailing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.expirynotices.letter.PdfObjects;

/**
 * Writes one print bundle: the pages of letter PDFs one after another, each page with everything it uses (content,
 * fonts, colour profile), copied byte for byte with only the object numbers changed (ISO 32000-1, 7.5). Objects
 * that come out the same — the shared font subsets every letter embeds, and the font dictionaries that point to
 * them — are written once per bundle.
 *
 * <p>Why not OpenPDF's {@code PdfCopy}: it parses every object of every letter into objects and writes them out
 * again, which made the bundles a sixth of the night; the letters are our own (classic cross-reference table, no
 * inherited page attributes — {@link PdfObjects} refuses anything else), so copying their bytes is enough. The
 * tests read the bundles with PDFBox.
 */
final class BundlePdf {

    private static final byte[] HEADER = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final String A4 = "[0 0 595 842]";

    private final OutputStream out;
    private long position;
    /** File offset of each written object, by number - 1; -1 while reserved. */
    private final List<Long> offsets = new ArrayList<>();
    private final int pagesNumber;
    private final List<Integer> kids = new ArrayList<>();
    /** Objects written, by their bytes as written (references renumbered), so that equal objects are shared. */
    private final Map<Written, Integer> written = new HashMap<>();
    private String lastPageShape = A4;

    BundlePdf(OutputStream out) throws IOException {
        this.out = out;
        write(HEADER);
        this.pagesNumber = reserve();
    }

    /** Appends every page of {@code letter} (a PDF file's bytes); returns its page count. */
    int append(byte[] letter, String name) throws IOException {
        PdfObjects pdf = PdfObjects.read(letter, name);
        List<Integer> treeNodes = new ArrayList<>();
        List<Integer> pages = pdf.pages(treeNodes);
        Map<Integer, Integer> numbers = new HashMap<>();
        // Every page points to its parent in the letter's tree: here, the bundle's one page tree node.
        treeNodes.forEach(node -> numbers.put(node, pagesNumber));
        for (int page : pages) {
            kids.add(copy(pdf, page, numbers, new HashSet<>(), true));
        }
        if (!pages.isEmpty()) {
            lastPageShape = shape(pdf.object(pages.getLast()).dictionary());
        }
        return pages.size();
    }

    /** Appends a blank page of the size and orientation of the last page appended. */
    void appendBlankPage() throws IOException {
        int number = reserve();
        writeObject(number, ("<</Type/Page/Parent " + pagesNumber + " 0 R/MediaBox" + lastPageShape
                + "/Resources<<>>>>").getBytes(StandardCharsets.ISO_8859_1), null, 0, 0);
        kids.add(number);
    }

    /** {@code /MediaBox} and {@code /Rotate} of {@code page}, as a blank page after it should have them. */
    private static String shape(Map<String, Object> page) {
        StringBuilder text = new StringBuilder(A4);
        if (page.get("MediaBox") instanceof List<?> box && box.size() == 4
                && box.stream().allMatch(Number.class::isInstance)) {
            text.setLength(0);
            text.append('[');
            for (Object side : box) {
                text.append(text.length() > 1 ? " " : "")
                        .append(new BigDecimal(side.toString()).stripTrailingZeros().toPlainString());
            }
            text.append(']');
        }
        if (page.get("Rotate") instanceof Long rotate) {
            text.append("/Rotate ").append(rotate);
        }
        return text.toString();
    }

    /** Writes the page tree, the catalog and the cross-reference table. No more pages after this. */
    void finish() throws IOException {
        StringBuilder tree = new StringBuilder("<</Type/Pages/Count ").append(kids.size()).append("/Kids[");
        for (int kid : kids) {
            tree.append(kid).append(" 0 R ");
        }
        writeObject(pagesNumber, tree.append("]>>").toString().getBytes(StandardCharsets.ISO_8859_1), null, 0, 0);
        int catalog = reserve();
        writeObject(catalog, ("<</Type/Catalog/Pages " + pagesNumber + " 0 R>>")
                .getBytes(StandardCharsets.ISO_8859_1), null, 0, 0);
        long xref = position;
        StringBuilder table = new StringBuilder("xref\n0 ").append(offsets.size() + 1)
                .append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<</Size ").append(offsets.size() + 1).append("/Root ").append(catalog)
                .append(" 0 R>>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Copies object {@code number} of {@code pdf} and what it refers to; returns its number in the bundle. */
    private int copy(PdfObjects pdf, int number, Map<Integer, Integer> numbers, Set<Integer> open, boolean page)
            throws IOException {
        Integer done = numbers.get(number);
        if (done != null) {
            return done;
        }
        if (!open.add(number)) {
            throw new IOException("object " + number + " refers back to itself through its references");
        }
        PdfObjects.PdfObject object = pdf.object(number);
        byte[] in = pdf.bytes();
        // The value with each reference replaced by the bundle's number of the object it refers to.
        ByteArray value = new ByteArray(object.valueEnd() - object.valueStart() + 16);
        int from = object.valueStart();
        for (PdfObjects.Ref ref : object.refs()) {
            value.append(in, from, ref.start());
            value.append(Integer.toString(copy(pdf, ref.number(), numbers, open, false))).append(" 0 R");
            from = ref.end();
        }
        value.append(in, from, object.valueEnd());
        byte[] bytes = value.toArray();
        int copied;
        if (page) {
            copied = reserve();
            writeObject(copied, bytes, null, 0, 0);
        } else {
            Written key = new Written(bytes, in, object.dataStart(), object.dataEnd());
            Integer same = written.get(key);
            if (same != null) {
                copied = same;
            } else {
                copied = reserve();
                writeObject(copied, bytes, in, object.dataStart(), object.dataEnd());
                written.put(key.detached(), copied);
            }
        }
        numbers.put(number, copied);
        open.remove(number);
        return copied;
    }

    private int reserve() {
        offsets.add(-1L);
        return offsets.size();
    }

    private void writeObject(int number, byte[] value, byte[] data, int dataStart, int dataEnd) throws IOException {
        offsets.set(number - 1, position);
        write((number + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
        write(value);
        if (data != null && dataStart >= 0) {
            write("\nstream\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(data, dataStart, dataEnd - dataStart);
            position += dataEnd - dataStart;
            write("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
        }
        write("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        position += bytes.length;
    }

    /**
     * An object as written: its value and its stream data (a range of the letter's bytes, not copied for a
     * look-up). The hash samples the data: font programs of a hundred kilobytes are compared in full only when
     * they are likely the same.
     */
    private record Written(byte[] value, byte[] data, int dataStart, int dataEnd, int hash) {

        Written(byte[] value, byte[] data, int dataStart, int dataEnd) {
            this(value, data, dataStart, dataEnd, hash(value, data, dataStart, dataEnd));
        }

        private static int hash(byte[] value, byte[] data, int start, int end) {
            int h = Arrays.hashCode(value);
            if (start >= 0) {
                int length = end - start;
                h = 31 * h + length;
                for (int i = 0; i < 32 && length > 0; i++) {
                    h = 31 * h + data[start + (int) ((long) length * i / 32)];
                }
                h = 31 * h + data[end - 1];
            }
            return h;
        }

        /** The same key holding its own copy of the data, so that the letter's bytes can go. */
        Written detached() {
            return dataStart < 0 ? new Written(value, null, -1, -1, hash)
                    : new Written(value, Arrays.copyOfRange(data, dataStart, dataEnd), 0, dataEnd - dataStart, hash);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Written w) || w.hash != hash || !Arrays.equals(w.value, value)
                    || (w.dataStart < 0) != (dataStart < 0)) {
                return false;
            }
            return dataStart < 0 || Arrays.equals(data, dataStart, dataEnd, w.data, w.dataStart, w.dataEnd);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A growable byte array: java.io.ByteArrayOutputStream synchronises every write. */
    private static final class ByteArray {
        private byte[] bytes;
        private int length;

        ByteArray(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        ByteArray append(byte[] source, int from, int to) {
            int n = to - from;
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            System.arraycopy(source, from, bytes, length, n);
            length += n;
            return this;
        }

        ByteArray append(String ascii) {
            byte[] b = ascii.getBytes(StandardCharsets.ISO_8859_1);
            return append(b, 0, b.length);
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
