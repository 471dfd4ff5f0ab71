package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The digest is SHA-256 of the whole file whatever start it has learnt, and it learns what the files share. */
class PrefixDigestTest {

    private static byte[] file(SplittableRandom random, byte[] start, int sharedLength, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        System.arraycopy(start, 0, bytes, 0, Math.min(sharedLength, length));
        return bytes;
    }

    @Test
    void everyDigestIsTheWholeFilesWhateverItsStart() {
        SplittableRandom random = new SplittableRandom(20261125);
        byte[] start = new byte[80_000];
        random.nextBytes(start);
        PrefixDigest digest = new PrefixDigest();
        for (int n = 0; n < 300; n++) {
            // Mostly files with the common 80 000 bytes, some sharing less or nothing, some shorter than the start.
            int shared = switch (n % 10) {
                case 7 -> 50_000 + random.nextInt(30_000);
                case 8 -> random.nextInt(PrefixDigest.MIN_PREFIX);
                case 9 -> 0;
                default -> start.length;
            };
            byte[] bytes = file(random, start, shared, n % 13 == 0 ? 1000 + random.nextInt(90_000)
                    : 85_000 + random.nextInt(20_000));
            assertThat(digest.sha256(bytes)).as("file %d", n).isEqualTo(FixtureExpectations.sha256(bytes));
        }
        assertThat(digest.prefixLength()).isGreaterThanOrEqualTo(50_000).isLessThanOrEqualTo(80_000);
    }

    @Test
    void learnsTheCommonStartOfTheFirstTwoAndShortensIt() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] start = new byte[20_000];
        random.nextBytes(start);
        PrefixDigest digest = new PrefixDigest();
        byte[] a = file(random, start, 20_000, 30_000);
        digest.sha256(a);
        assertThat(digest.prefixLength()).isZero();
        byte[] b = file(random, start, 20_000, 30_000);
        digest.sha256(b);
        assertThat(digest.prefixLength()).isEqualTo(Arrays.mismatch(a, b)).isGreaterThanOrEqualTo(20_000);
        digest.sha256(file(random, start, 12_000, 30_000));
        assertThat(digest.prefixLength()).isBetween(12_000, 12_010);
        // A file with too little in common (another kind of letter) is hashed whole and changes nothing.
        digest.sha256(file(random, start, 100, 30_000));
        assertThat(digest.prefixLength()).isBetween(12_000, 12_010);
    }
}
