package jp.expirynotices.mailing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extracts the 住所表示番号 (address number) that a customer barcode carries from the part of the address after
 * the town name, following Japan Post's extraction rules 1–5 (shared/spec/customer-barcode.md).
 */
public final class AddressNumber {

    /** Words that, directly after a kanji numeral, mark it as part of the address number (rule 2). */
    private static final String[] NUMBER_SUFFIXES = {"丁目", "番地", "地割", "丁", "番", "号", "線", "の", "ノ"};

    /** Deleted outright (rule 1): they separate nothing, so they must not turn into hyphens. */
    private static final Set<Character> DELETED = Set.of('&', '/', '・', '.');

    private AddressNumber() {
    }

    /**
     * The address number of {@code addressBlock} and {@code addressBuilding} joined by one space; either may be
     * null or empty. Returns "" when nothing qualifies.
     */
    public static String extract(String addressBlock, String addressBuilding) {
        return fromText(nullToEmpty(addressBlock) + " " + nullToEmpty(addressBuilding));
    }

    /** The address number of one piece of text (the part after the town name). */
    public static String fromText(String text) {
        String normalised = normalise(nullToEmpty(text));
        String arabic = convertKanjiNumerals(normalised);
        return collapse(keepSignificant(arabic));
    }

    // Rule 1: NFKC folds full-width digits, letters and hyphens to ASCII; upper-case so a/A are one symbol.
    static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!DELETED.contains(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    // Rule 2: only a run of kanji numerals right before one of the suffixes is a number; elsewhere (e.g. 九十九里)
    // it is part of a name and stays text.
    static String convertKanjiNumerals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isKanjiNumeral(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isKanjiNumeral(text.charAt(end))) {
                end++;
            }
            String run = text.substring(i, end);
            if (startsWithSuffix(text, end)) {
                out.append(kanjiToArabic(run));
            } else {
                out.append(run);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean startsWithSuffix(String text, int index) {
        for (String suffix : NUMBER_SUFFIXES) {
            if (text.startsWith(suffix, index)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKanjiNumeral(char c) {
        return digitOf(c) >= 0 || c == '十' || c == '百' || c == '千';
    }

    private static int digitOf(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /**
     * 十一 → 11, 二十一 → 21, 百五 → 105; a run without 十/百/千 is read digit by digit (二〇五 → 205), as such
     * numbers are written in addresses.
     */
    static String kanjiToArabic(String run) {
        boolean positional = run.indexOf('十') >= 0 || run.indexOf('百') >= 0 || run.indexOf('千') >= 0;
        if (!positional) {
            StringBuilder digits = new StringBuilder(run.length());
            for (int i = 0; i < run.length(); i++) {
                digits.append(digitOf(run.charAt(i)));
            }
            return digits.toString();
        }
        long total = 0;
        int pending = -1; // digit waiting for its multiplier; -1 = none (a bare 十 means 10)
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            int multiplier = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (multiplier == 0) {
                pending = digitOf(c);
            } else {
                total += (long) (pending < 0 ? 1 : pending) * multiplier;
                pending = -1;
            }
        }
        if (pending >= 0) {
            total += pending;
        }
        return Long.toString(total);
    }

    // Rules 3 and 4: build a string of kept characters where every stretch of dropped text before a kept
    // character has become one hyphen; trailing dropped text simply never gets written.
    static String keepSignificant(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAsciiDigit(c) || c == '-') {
                out.append(gapHyphen(gap)).append(c);
                gap = false;
                i++;
            } else if (isAsciiLetter(c)) {
                int end = i;
                while (end < text.length() && isAsciiLetter(text.charAt(end))) {
                    end++;
                }
                boolean single = end - i == 1;
                boolean floor = single && c == 'F' && i > 0 && isAsciiDigit(text.charAt(i - 1));
                if (single && !floor) {
                    out.append(gapHyphen(gap)).append(c);
                    gap = false;
                } else {
                    // Runs of 2+ letters are words (ABC, B棟's building name) and a lone F after a number is a
                    // floor: both only separate what is kept.
                    gap = true;
                }
                i = end;
            } else {
                gap = true;
                i++;
            }
        }
        return out.toString();
    }

    private static String gapHyphen(boolean gap) {
        return gap ? "-" : "";
    }

    // Rule 5, plus: a trailing hyphen carries nothing (e.g. "2-" before dropped text), so it goes too.
    // Compiled once: String.replaceAll compiles its pattern on every call, once per letter and rule.
    private static final Pattern HYPHEN_RUN = Pattern.compile("-{2,}");
    private static final Pattern HYPHEN_BEFORE_LETTER = Pattern.compile("-(?=[A-Z])");
    private static final Pattern HYPHEN_AFTER_LETTER = Pattern.compile("(?<=[A-Z])-");
    private static final Pattern HYPHENS_AT_ENDS = Pattern.compile("^-+|-+$");

    static String collapse(String kept) {
        String s = HYPHEN_RUN.matcher(kept).replaceAll("-");
        s = HYPHEN_BEFORE_LETTER.matcher(s).replaceAll("");
        s = HYPHEN_AFTER_LETTER.matcher(s).replaceAll("");
        return HYPHENS_AT_ENDS.matcher(s).replaceAll("");
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
