package jp.expirynotices.job;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 of the letter files of a run, for the manifest and the self-check. The letters start with the same bytes
 * (header, colour profile and the shared font subsets: about 80 KB of a 94 KB letter), so the digest's state after
 * those bytes is computed once and each file hashes only what follows them; a file that does not start with them is
 * hashed whole. The answer is SHA-256 of the whole file either way.
 *
 * <p>The common start is learnt from the files themselves: what the first two share, shortened when a later file
 * shares less. Thread-safe: the render and self-check workers share one.
 */
public final class PrefixDigest {

    /** A common start shorter than this is not kept: hashing those bytes again costs less than comparing them. */
    static final int MIN_PREFIX = 4096;

    private record Prefix(byte[] bytes, MessageDigest state) {
    }

    private volatile Prefix prefix;
    private byte[] first;

    /** SHA-256 of {@code file}, in lower-case hex. */
    public String sha256(byte[] file) {
        Prefix known = prefix;
        if (known != null && file.length >= known.bytes().length
                && Arrays.equals(file, 0, known.bytes().length, known.bytes(), 0, known.bytes().length)) {
            MessageDigest digest = copy(known.state());
            if (digest != null) {
                digest.update(file, known.bytes().length, file.length - known.bytes().length);
                return HexFormat.of().formatHex(digest.digest());
            }
        }
        learn(file);
        return HexFormat.of().formatHex(newDigest().digest(file));
    }

    /** The common start in bytes; 0 while none is known (for tests). */
    int prefixLength() {
        Prefix known = prefix;
        return known == null ? 0 : known.bytes().length;
    }

    private synchronized void learn(byte[] file) {
        byte[] reference = prefix != null ? prefix.bytes() : first;
        if (reference == null) {
            first = file.clone();
            return;
        }
        int shared = Arrays.mismatch(reference, file);
        if (shared < 0 || shared == file.length) {
            return;   // the same bytes, or a file that ends within them: nothing learnt
        }
        if (shared < MIN_PREFIX || prefix != null && shared >= prefix.bytes().length) {
            return;
        }
        byte[] bytes = Arrays.copyOf(file, shared);
        MessageDigest state = newDigest();
        state.update(bytes);
        prefix = new Prefix(bytes, state);
        first = null;
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            return null;   // then the whole file is hashed
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
