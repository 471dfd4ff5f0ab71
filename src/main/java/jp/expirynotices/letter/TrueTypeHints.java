package jp.expirynotices.letter;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A TrueType font without its hinting: the bytecode that fits outlines to the pixel grid of a screen at small sizes.
 *
 * <p>Why: the letters are printed at 600 dpi, where hinting changes nothing visible, and most PDF viewers ignore
 * TrueType bytecode anyway (they rasterise the outlines themselves). In BIZ UD Gothic the instructions are about a
 * quarter of the glyph data, so every letter carried some 25 KB that no printer or viewer uses.
 *
 * <p>What changes: each glyph loses its instructions (outlines, points and flags are copied byte for byte); the
 * tables that exist only for the bytecode ({@code fpgm}, {@code prep}, {@code cvt }) and the precomputed results
 * of hinting ({@code hdmx}, {@code LTSH}, {@code VDMX}) are dropped, as is a {@code DSIG} signature, which would no
 * longer match; {@code maxp.maxSizeOfInstructions} becomes 0; {@code glyf}, {@code loca}, the table directory and
 * every checksum are written anew. Everything else is copied as it is.
 *
 * <p>Stateless and thread-safe. A font it cannot read throws {@link IllegalArgumentException}; nothing partly
 * written is ever returned.
 */
final class TrueTypeHints {

    /** Tables for, or computed by, the bytecode interpreter, and a signature over the unstripped font. */
    private static final Set<String> DROPPED = Set.of("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "DSIG");

    private static final int TRUE_TYPE = 0x00010000;
    private static final int APPLE_TRUE_TYPE = 0x74727565; // 'true'
    private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;
    private static final int HEAD_CHECKSUM_ADJUSTMENT = 8;
    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;
    private static final int MAXP_NUM_GLYPHS = 4;
    private static final int MAXP_SIZE_OF_INSTRUCTIONS = 26;
    private static final int MAXP_VERSION_1_LENGTH = 32;
    private static final int GLYPH_HEADER = 10;

    // simple glyph point flags
    private static final int REPEAT = 0x08;
    private static final int X_SHORT = 0x02;
    private static final int Y_SHORT = 0x04;
    private static final int X_SAME_OR_POSITIVE = 0x10;
    private static final int Y_SAME_OR_POSITIVE = 0x20;

    // composite glyph component flags
    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;

    /** The rebuilt glyph data and its index, in the font's loca format. */
    private record Glyphs(byte[] glyf, byte[] loca) {
    }

    private TrueTypeHints() {
    }

    /**
     * {@code ttf}, a complete TrueType font file (not a collection), without hinting.
     *
     * @throws IllegalArgumentException if {@code ttf} is not a TrueType font this class can read
     */
    static byte[] strip(byte[] ttf) {
        Objects.requireNonNull(ttf, "ttf");
        Map<String, byte[]> tables = tables(ttf);
        byte[] head = required(tables, "head", HEAD_INDEX_TO_LOC_FORMAT + 2);
        byte[] maxp = required(tables, "maxp", MAXP_NUM_GLYPHS + 2);
        byte[] glyf = required(tables, "glyf", 0);
        boolean longOffsets = switch (ByteBuffer.wrap(head).getShort(HEAD_INDEX_TO_LOC_FORMAT)) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new IllegalArgumentException("head.indexToLocFormat is neither 0 nor 1");
        };
        int glyphCount = ByteBuffer.wrap(maxp).getChar(MAXP_NUM_GLYPHS);
        int[] offsets = offsets(required(tables, "loca", 0), longOffsets, glyphCount, glyf.length);
        Glyphs glyphs = stripGlyphs(glyf, offsets, longOffsets, glyphCount);
        tables.keySet().removeAll(DROPPED);
        tables.put("glyf", glyphs.glyf());
        tables.put("loca", glyphs.loca());
        if (maxp.length >= MAXP_VERSION_1_LENGTH && ByteBuffer.wrap(maxp).getInt(0) == TRUE_TYPE) {
            byte[] profile = maxp.clone();
            ByteBuffer.wrap(profile).putShort(MAXP_SIZE_OF_INSTRUCTIONS, (short) 0);
            tables.put("maxp", profile);
        }
        byte[] header = head.clone();
        ByteBuffer.wrap(header).putInt(HEAD_CHECKSUM_ADJUSTMENT, 0);
        tables.put("head", header);
        return write(ByteBuffer.wrap(ttf).getInt(0), tables);
    }

    /** The tables of {@code ttf} by tag, sorted as the table directory must be; each a copy. */
    private static Map<String, byte[]> tables(byte[] ttf) {
        if (ttf.length < 12) {
            throw new IllegalArgumentException("not a TrueType font: " + ttf.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int version = in.getInt(0);
        if (version != TRUE_TYPE && version != APPLE_TRUE_TYPE) {
            throw new IllegalArgumentException(String.format("not a TrueType font (sfnt version 0x%08X%s)", version,
                    version == 0x74746366 ? ", a font collection" : version == 0x4F54544F ? ", CFF outlines" : ""));
        }
        int count = in.getChar(4);
        if (12L + 16L * count > ttf.length) {
            throw new IllegalArgumentException("table directory of " + count + " tables runs past the end of the font");
        }
        // String order is byte order for these ISO-8859-1 tags
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            String tag = new String(ttf, record, 4, StandardCharsets.ISO_8859_1);
            long offset = Integer.toUnsignedLong(in.getInt(record + 8));
            long length = Integer.toUnsignedLong(in.getInt(record + 12));
            if (offset + length > ttf.length) {
                throw new IllegalArgumentException("table '" + tag + "' (offset " + offset + ", length " + length
                        + ") runs past the end of the font (" + ttf.length + " bytes)");
            }
            if (tables.put(tag, Arrays.copyOfRange(ttf, (int) offset, (int) (offset + length))) != null) {
                throw new IllegalArgumentException("table '" + tag + "' appears twice");
            }
        }
        return tables;
    }

    private static byte[] required(Map<String, byte[]> tables, String tag, int minLength) {
        byte[] table = tables.get(tag);
        if (table == null) {
            throw new IllegalArgumentException("no '" + tag + "' table: not a TrueType font with glyf outlines");
        }
        if (table.length < minLength) {
            throw new IllegalArgumentException("table '" + tag + "' is truncated: " + table.length + " bytes");
        }
        return table;
    }

    /** The glyph offsets of {@code loca} (glyphCount + 1 of them), checked against the glyf table's length. */
    private static int[] offsets(byte[] loca, boolean longOffsets, int glyphCount, int glyfLength) {
        if ((long) (glyphCount + 1) * (longOffsets ? 4 : 2) > loca.length) {
            throw new IllegalArgumentException("table 'loca' has " + loca.length + " bytes, too few for "
                    + glyphCount + " glyphs");
        }
        ByteBuffer in = ByteBuffer.wrap(loca);
        int[] offsets = new int[glyphCount + 1];
        for (int i = 0; i <= glyphCount; i++) {
            long offset = longOffsets ? Integer.toUnsignedLong(in.getInt(4 * i)) : 2L * in.getChar(2 * i);
            if (offset > glyfLength || i > 0 && offset < offsets[i - 1]) {
                throw new IllegalArgumentException("loca entry " + i + " (" + offset + ") is out of order or past "
                        + "the end of the glyf table (" + glyfLength + " bytes)");
            }
            offsets[i] = (int) offset;
        }
        return offsets;
    }

    /**
     * Every glyph without instructions, and its loca. Glyphs start on 4 bytes with long offsets, on 2 with short
     * ones (which count words): a glyph only shrinks, so the short offsets still fit.
     */
    private static Glyphs stripGlyphs(byte[] glyf, int[] offsets, boolean longOffsets, int glyphCount) {
        int alignment = longOffsets ? 4 : 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(glyf.length);
        ByteBuffer loca = ByteBuffer.allocate((glyphCount + 1) * (longOffsets ? 4 : 2));
        for (int gid = 0; gid <= glyphCount; gid++) {
            if (longOffsets) {
                loca.putInt(out.size());
            } else {
                loca.putShort((short) (out.size() / 2));
            }
            if (gid == glyphCount) {
                break;
            }
            int length = offsets[gid + 1] - offsets[gid];
            if (length > 0) {
                ByteBuffer glyph = ByteBuffer.wrap(glyf, offsets[gid], length).slice();
                try {
                    out.writeBytes(stripGlyph(glyph, glyphCount));
                } catch (BufferUnderflowException e) {
                    throw new IllegalArgumentException("glyph " + gid + " runs past its end (" + length + " bytes)",
                            e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("glyph " + gid + ": " + e.getMessage(), e);
                }
                out.writeBytes(new byte[(alignment - out.size() % alignment) % alignment]);
            }
        }
        return new Glyphs(out.toByteArray(), loca.array());
    }

    private static byte[] stripGlyph(ByteBuffer glyph, int glyphCount) {
        int contours = glyph.getShort();
        if (contours == 0) {
            // nothing to draw: an empty glyph draws the same
            return new byte[0];
        }
        return contours > 0 ? simpleGlyph(glyph, contours) : compositeGlyph(glyph, glyphCount);
    }

    /** Header and end points, then instructionLength 0, then flags and coordinates exactly as they were. */
    private static byte[] simpleGlyph(ByteBuffer glyph, int contours) {
        skip(glyph, GLYPH_HEADER - 2 + 2 * (contours - 1));
        int points = glyph.getChar() + 1;
        int instructionLength = glyph.position();
        skip(glyph, glyph.getChar());
        int outline = glyph.position();
        // the flags are read to know where the coordinates end (the loca length may include padding)
        long coordinates = 0;
        for (int point = 0; point < points; ) {
            int flag = glyph.get() & 0xFF;
            int repeat = (flag & REPEAT) != 0 ? (glyph.get() & 0xFF) + 1 : 1;
            int x = (flag & X_SHORT) != 0 ? 1 : (flag & X_SAME_OR_POSITIVE) != 0 ? 0 : 2;
            int y = (flag & Y_SHORT) != 0 ? 1 : (flag & Y_SAME_OR_POSITIVE) != 0 ? 0 : 2;
            coordinates += (long) repeat * (x + y);
            point += repeat;
            if (point > points) {
                throw new IllegalArgumentException("flags repeat past the glyph's " + points + " points");
            }
        }
        skip(glyph, coordinates);
        byte[] stripped = new byte[instructionLength + 2 + glyph.position() - outline];
        glyph.get(0, stripped, 0, instructionLength);
        glyph.get(outline, stripped, instructionLength + 2, glyph.position() - outline);
        return stripped;
    }

    /** The components with WE_HAVE_INSTRUCTIONS cleared; the instructions after the last one dropped. */
    private static byte[] compositeGlyph(ByteBuffer glyph, int glyphCount) {
        byte[] stripped = new byte[glyph.limit()];
        glyph.get(0, stripped);
        skip(glyph, GLYPH_HEADER - 2);
        int flags;
        do {
            int at = glyph.position();
            flags = glyph.getChar();
            int component = glyph.getChar();
            if (component >= glyphCount) {
                throw new IllegalArgumentException("component glyph " + component + " does not exist");
            }
            skip(glyph, ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2)
                    + ((flags & WE_HAVE_A_SCALE) != 0 ? 2
                    : (flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0 ? 4
                    : (flags & WE_HAVE_A_TWO_BY_TWO) != 0 ? 8 : 0));
            ByteBuffer.wrap(stripped).putShort(at, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
        } while ((flags & MORE_COMPONENTS) != 0);
        return Arrays.copyOf(stripped, glyph.position());
    }

    private static void skip(ByteBuffer buffer, long bytes) {
        if (bytes > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        buffer.position(buffer.position() + (int) bytes);
    }

    /** The font file: directory in tag order, tables 4-byte aligned, checksums and head.checkSumAdjustment set. */
    private static byte[] write(int version, Map<String, byte[]> tables) {
        int count = tables.size();
        int power = Integer.highestOneBit(count);
        int size = 12 + 16 * count;
        for (byte[] table : tables.values()) {
            size += padded(table.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(version).putShort((short) count).putShort((short) (16 * power))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (16 * (count - power)));
        int offset = 12 + 16 * count;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] data = table.getValue();
            out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt((int) checksum(data))
                    .putInt(offset).putInt(data.length);
            out.put(offset, data);
            if (table.getKey().equals("head")) {
                headOffset = offset;
            }
            offset += padded(data.length);
        }
        byte[] font = out.array();
        out.putInt(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (int) (CHECKSUM_MAGIC - checksum(font)));
        return font;
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** The sum of {@code data} as big-endian 32-bit words, the last one padded with zeros, modulo 2^32. */
    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = word << 8 | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += Integer.toUnsignedLong(word);
        }
        return sum & 0xFFFFFFFFL;
    }
}
