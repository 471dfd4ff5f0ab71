package jp.expirynotices.letter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Japanese-calendar (和暦) dates as letters print them (domain.md §5): Arabic numerals, no zero padding, and
 * {@code 元年} for the first year of an era — {@code 令和8年11月24日}, {@code 令和元年5月1日}.
 *
 * <p>java.time knows the eras (including their exact first days) but prints year 1 as {@code 1年}; the only extra
 * step here is {@code 元年}. Dates before 明治6年 (1873-01-01, the start of the Gregorian calendar in Japan) are
 * not supported and throw {@link DateTimeException}.
 */
public final class Wareki {

    /** Era names looked up once: the locale look-up behind every call was a tenth of laying out a letter's body. */
    private static final Map<JapaneseEra, String> ERA_NAMES = Arrays.stream(JapaneseEra.values()).collect(
            Collectors.toUnmodifiableMap(Function.identity(), era -> era.getDisplayName(TextStyle.FULL,
                    Locale.JAPANESE)));

    private Wareki() {
    }

    /** {@code 令和8年11月24日}. */
    public static String format(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(Objects.requireNonNull(date, "date"));
        return eraName(japanese.getEra()) + year(japanese.get(ChronoField.YEAR_OF_ERA)) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 令和9年2月14日（2027年2月14日）}: the 和暦 date with the Western date in full-width brackets. */
    public static String withWestern(LocalDate date) {
        return format(date) + "（" + western(date) + "）";
    }

    /** {@code 2027年2月14日}. */
    public static String western(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The era of {@code date}, e.g. {@code 令和} (for blank date fields such as 「令和　　年　　月　　日」). */
    public static String eraName(LocalDate date) {
        return eraName(JapaneseDate.from(Objects.requireNonNull(date, "date")).getEra());
    }

    private static String eraName(JapaneseEra era) {
        return ERA_NAMES.get(era);   // values() holds every era this JVM knows, so every era a date can have
    }

    private static String year(int yearOfEra) {
        return yearOfEra == 1 ? "元" : Integer.toString(yearOfEra);
    }
}
