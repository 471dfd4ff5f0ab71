package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarekiTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-11-24, 令和8年11月24日",
            "2027-02-14, 令和9年2月14日",
            "2020-01-05, 令和2年1月5日",
            "2019-05-01, 令和元年5月1日",
            "2019-12-31, 令和元年12月31日",
            "2020-01-01, 令和2年1月1日",
            "2019-04-30, 平成31年4月30日",
            "1989-01-08, 平成元年1月8日",
            "1989-12-31, 平成元年12月31日",
            "1990-01-01, 平成2年1月1日",
            "1989-01-07, 昭和64年1月7日",
            "1985-11-14, 昭和60年11月14日",
            "1926-12-25, 昭和元年12月25日",
            "1926-12-24, 大正15年12月24日",
            "1912-07-30, 大正元年7月30日",
            "1912-07-29, 明治45年7月29日",
            "1873-01-01, 明治6年1月1日",
            "2100-02-28, 令和82年2月28日",
    })
    void formats(LocalDate date, String expected) {
        assertThat(Wareki.format(date)).isEqualTo(expected);
    }

    @Test
    void withWesternDateInBrackets() {
        assertThat(Wareki.withWestern(LocalDate.of(2027, 2, 14))).isEqualTo("令和9年2月14日（2027年2月14日）");
        assertThat(Wareki.withWestern(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日（2019年5月1日）");
        assertThat(Wareki.western(LocalDate.of(2027, 2, 4))).isEqualTo("2027年2月4日");
    }

    @Test
    void eraName() {
        assertThat(Wareki.eraName(LocalDate.of(2026, 11, 24))).isEqualTo("令和");
        assertThat(Wareki.eraName(LocalDate.of(2019, 4, 30))).isEqualTo("平成");
    }

    @Test
    void beforeMeiji6IsRejected() {
        assertThatThrownBy(() -> Wareki.format(LocalDate.of(1872, 12, 31))).isInstanceOf(DateTimeException.class);
    }

    /** Every day from 明治6年 to 2100: the printed era year maps back to the Western year, 元年 exactly once. */
    @Test
    void everyDayRoundTrips() {
        Map<String, Integer> eraStart = Map.of("明治", 1868, "大正", 1912, "昭和", 1926, "平成", 1989, "令和", 2019);
        Pattern p = Pattern.compile("(明治|大正|昭和|平成|令和)(元|[1-9][0-9]*)年([1-9][0-9]?)月([1-9][0-9]?)日");
        String previous = "";
        for (LocalDate d = LocalDate.of(1873, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            String text = Wareki.format(d);
            Matcher m = p.matcher(text);
            assertThat(m.matches()).as(text).isTrue();
            int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
            assertThat(eraStart.get(m.group(1)) + year - 1).as(text).isEqualTo(d.getYear());
            assertThat(Integer.parseInt(m.group(3))).isEqualTo(d.getMonthValue());
            assertThat(Integer.parseInt(m.group(4))).isEqualTo(d.getDayOfMonth());
            assertThat(m.group(2)).as("year 1 is written 元年: " + text).isNotEqualTo("1");
            if (!previous.isEmpty() && !previous.startsWith(m.group(1))) {
                assertThat(text).as("first day of a new era").contains("元年");
            }
            previous = text;
        }
    }
}
