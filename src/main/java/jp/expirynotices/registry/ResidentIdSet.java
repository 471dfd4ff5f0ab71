package jp.expirynotices.registry;

import java.util.Arrays;

/**
 * The set of resident ids seen so far in a file, exact and compact: a well-formed id (1–32 of {@code A-Z a-z 0-9 _ -})
 * is packed, ten characters to a {@code long} (base 65, digits 1–64, so that ids of different lengths never share a
 * code), into an open-addressing table of primitive longs. An id of up to 10 characters costs 8 bytes (about 16 with
 * the table's free slots) instead of the ~100 bytes of a {@code HashSet<String>} entry; a million ids need 16 MB.
 *
 * <p>Only for ids that match the registry's id pattern: {@link #add} refuses anything else.
 */
public final class ResidentIdSet {

    static final int CHARS_PER_WORD = 10;
    private static final int MAX_LENGTH = 32;
    private static final byte[] DIGIT = new byte[128];

    static {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        for (int i = 0; i < alphabet.length(); i++) {
            DIGIT[alphabet.charAt(i)] = (byte) (i + 1);
        }
    }

    /** The most slots a table is made with at once: a million ids' worth (16 MB); beyond, it doubles as before. */
    static final int MAX_INITIAL_SLOTS = 1 << 21;

    /** One table per id width in words: ids of 1–10, 11–20, 21–30 and 31–32 characters. */
    private final WordTable[] tables = new WordTable[(MAX_LENGTH + CHARS_PER_WORD - 1) / CHARS_PER_WORD];
    private final long[] key = new long[tables.length];
    private long expectedIds;

    public ResidentIdSet() {
        this(0);
    }

    /**
     * @param expectedIds about how many ids will be added (0 if not known): the first table is made big enough for
     *                    them at once rather than grown to it by doubling, each doubling moving every id again
     */
    public ResidentIdSet(long expectedIds) {
        this.expectedIds = expectedIds;
    }

    /** Adds a well-formed id; true when it was not in the set yet. */
    public boolean add(String id) {
        int length = id.length();
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("not a resident id: length " + length);
        }
        int words = (length + CHARS_PER_WORD - 1) / CHARS_PER_WORD;
        for (int w = 0; w < words; w++) {
            long code = 0;
            for (int i = w * CHARS_PER_WORD, end = Math.min(length, i + CHARS_PER_WORD); i < end; i++) {
                char c = id.charAt(i);
                int digit = c < 128 ? DIGIT[c] : 0;
                if (digit == 0) {
                    throw new IllegalArgumentException("not a resident id character at " + i);
                }
                code = code * 65 + digit;
            }
            key[w] = code;
        }
        WordTable table = tables[words - 1];
        if (table == null) {
            // the ids of a registry are almost all of one width: the first table gets the expected size
            table = tables[words - 1] = new WordTable(words, expectedIds);
            expectedIds = 0;
        }
        return table.add(key);
    }

    /** Ids in the set. */
    public long size() {
        long n = 0;
        for (WordTable t : tables) {
            n += t == null ? 0 : t.size;
        }
        return n;
    }

    /** Linear probing over keys of {@code width} longs; a key's first word is never 0, so 0 marks a free slot. */
    private static final class WordTable {
        private final int width;
        private long[] slots;
        private int mask;
        private int size;

        WordTable(int width, long expectedKeys) {
            int capacity = 1024;
            while (capacity < MAX_INITIAL_SLOTS && fullAt(capacity) < expectedKeys) {
                capacity *= 2;
            }
            this.width = width;
            this.slots = new long[capacity * width];
            this.mask = capacity - 1;
        }

        boolean add(long[] key) {
            int i = slot(key);
            while (true) {
                int base = i * width;
                if (slots[base] == 0) {
                    System.arraycopy(key, 0, slots, base, width);
                    if (++size > fullAt(mask + 1)) {
                        grow();
                    }
                    return true;
                }
                if (Arrays.equals(slots, base, base + width, key, 0, width)) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        private int slot(long[] key) {
            long h = 0;
            for (int w = 0; w < width; w++) {
                h = mix(h ^ key[w]);
            }
            return (int) h & mask;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            mask = mask * 2 + 1;
            long[] key = new long[width];
            for (int base = 0; base < old.length; base += width) {
                if (old[base] != 0) {
                    System.arraycopy(old, base, key, 0, width);
                    int i = slot(key);
                    while (slots[i * width] != 0) {
                        i = (i + 1) & mask;
                    }
                    System.arraycopy(key, 0, slots, i * width, width);
                }
            }
        }

        /** The keys at which a table of {@code capacity} slots is doubled: a load factor of 7/10. */
        private static int fullAt(int capacity) {
            return capacity / 10 * 7;
        }

        /** MurmurHash3's 64-bit finaliser. */
        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }
}
