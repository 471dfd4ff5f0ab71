package jp.expirynotices.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The select step's hot-path shortcuts give exactly the answers of the plain code they replace. */
class ValidatorFastPathTest {

    @Test
    void handWrittenDateParserAgreesWithTheStrictFormattersOnEveryDayAndOnNoise() {
        for (LocalDate d = LocalDate.of(1860, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(1)) {
            String iso = d.toString();
            assertThat(RegistryValidator.parseDate(iso)).isEqualTo(RegistryValidator.parseDateWithFormatter(iso));
            String slashed = iso.replace('-', '/');
            assertThat(RegistryValidator.parseDate(slashed))
                    .isEqualTo(RegistryValidator.parseDateWithFormatter(slashed));
        }
        String alphabet = "0123456789-/+ ０１２aZ.";
        SplittableRandom random = new SplittableRandom(20261124);
        for (int n = 0; n < 200_000; n++) {
            char[] c = "2026-11-24".toCharArray();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(c);
            assertThat(RegistryValidator.parseDate(s)).as(s).isEqualTo(RegistryValidator.parseDateWithFormatter(s));
        }
        for (String s : new String[] {"2024-02-29", "2023-02-29", "1873-01-01", "1872-12-31", "2026-13-01",
                "2026-00-10", "2026-04-31", "2026/04-30", "2026-04/30", "+026-04-30", "-026-04-30", "20260-4-30",
                "2026-4-300", "２０２６-04-30", "", "2026-04-3"}) {
            assertThat(RegistryValidator.parseDate(s)).as(s).isEqualTo(RegistryValidator.parseDateWithFormatter(s));
        }
    }

    @Test
    void lineBreakingCharactersByCodeValueAreThoseOfTheirUnicodeCategories() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            int type = Character.getType((char) c);
            boolean byCategory = type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            assertThat(RegistryValidator.breaksLine((char) c)).as("U+%04X", c).isEqualTo(byCategory);
        }
    }

    @Test
    void blankFromTheFirstCharacterAgreesWithIsBlank() {
        String[] rests = {"", "x", " ", "\u3000", "山", "\uD842\uDFB7", " 山"};
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            for (String rest : rests) {
                String s = (char) c + rest;
                assertThat(RegistryValidator.blank(s)).as("U+%04X + %s", c, rest).isEqualTo(s.isBlank());
            }
        }
        for (String s : new String[] {"\uD842\uDFB7", "\u3000\u3000", " \t", "\u2003x", "\uDFB7"}) {
            assertThat(RegistryValidator.blank(s)).as(s).isEqualTo(s.isBlank());
        }
    }

    @Test
    void handWrittenIdAndPostalCodeChecksAgreeWithTheirPatterns() {
        String alphabet = "AZaz09_-/: .０Ａ\u0000\u00e9";
        SplittableRandom random = new SplittableRandom(20261125);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(36); k > 0; k--) {
                sb.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : "0123456789-".charAt(random.nextInt(11)));
            }
            String s = sb.toString();
            assertThat(RegistryValidator.wellFormedId(s)).as(s)
                    .isEqualTo(RegistryValidator.ID_PATTERN.matcher(s).matches());
            assertThat(RegistryValidator.wellFormedPostalCode(s)).as(s)
                    .isEqualTo(RegistryValidator.POSTAL_PATTERN.matcher(s).matches());
        }
        for (String s : new String[] {"", "1", "1700013", "170-0013", "1700-013", "170--013", "17000130", "170-00130",
                "-1700013", "1700013-", "A", "a-", "_a", "-a", "R0000001", "A2345678901234567890123456789012",
                "A23456789012345678901234567890123", "R_1-x"}) {
            assertThat(RegistryValidator.wellFormedId(s)).as(s)
                    .isEqualTo(RegistryValidator.ID_PATTERN.matcher(s).matches());
            assertThat(RegistryValidator.wellFormedPostalCode(s)).as(s)
                    .isEqualTo(RegistryValidator.POSTAL_PATTERN.matcher(s).matches());
        }
    }

    @Test
    void controlCharacterCheckMatchesTheCodePointRule() {
        RegistryValidator validator = new RegistryValidator(RegistryValidatorTest.R);
        int[] probes = {0x00, 0x09, 0x0A, 0x1F, 0x20, 0x7E, 0x7F, 0x85, 0x9F, 0xA0, 0x2028, 0x2029, 0x3000, 0x1F600,
                0x20BB7, 0xFEFF};
        int line = 2;
        for (int cp : probes) {
            String name = "山田" + new String(Character.toChars(cp)) + "太郎";
            int type = Character.getType(cp);
            boolean expectReject = type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            ValidationOutcome outcome = validator.validate(
                    new RawRecord(line, RegistryValidatorTest.row("resident_id", "R" + line++, "name", name)),
                    RegistryValidatorTest.H);
            assertThat(outcome instanceof ValidationOutcome.Invalid).as("U+%04X", cp).isEqualTo(expectReject);
        }
    }

    @Test
    void residentIdSetIsExactLikeAHashSet() {
        // grown from the smallest table, made for fewer ids than come (so it doubles too), and made at its largest
        for (long expected : new long[] {0, 50_000, 10_000_000}) {
            isExactLikeAHashSet(new ResidentIdSet(expected));
        }
        // Same characters, different lengths or positions, are different ids.
        ResidentIdSet set = new ResidentIdSet();
        assertThat(set.add("A")).isTrue();
        assertThat(set.add("AA")).isTrue();
        assertThat(set.add("AAAAAAAAAA")).isTrue();
        assertThat(set.add("AAAAAAAAAAA")).isTrue();
        assertThat(set.add("-")).isTrue();
        assertThat(set.add("A")).isFalse();
        assertThat(set.add("AAAAAAAAAAA")).isFalse();
        assertThatThrownBy(() -> set.add("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.add("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void isExactLikeAHashSet(ResidentIdSet compact) {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        Set<String> plain = new HashSet<>();
        for (int n = 0; n < 300_000; n++) {
            // Short ids from a small alphabet collide often; long ones exercise the 2-, 3- and 4-word tables.
            int length = random.nextInt(4) == 0 ? 1 + random.nextInt(32) : 1 + random.nextInt(4);
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(length <= 4 ? 6 : alphabet.length())));
            }
            String s = id.toString();
            assertThat(compact.add(s)).as(s).isEqualTo(plain.add(s));
        }
        assertThat(compact.size()).isEqualTo(plain.size());
    }
}
