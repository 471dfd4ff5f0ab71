package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNumberTest {

    /** The 17 vectors of shared/spec/customer-barcode.md; block and building split at the first space. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1000013 | 1丁目3番2号 郵便プラザ503室         | 1-3-2-503
            2630023 | 3丁目30-8 郵便ビル403号             | 3-30-8-403
            0140113 | 南田茂木 添60-1                      | 60-1
            1100016 | 5-6-3 ABCビル10F                     | 5-6-3-10
            0600906 | 4丁目 郵便センター6号館              | 4-6
            4070033 | 韮崎400                              | 400
            2730102 | 東3丁目-20-5 郵便・A&bコーポB604号   | 3-20-5B604
            1980036 | 十一丁目六番地一号 郵便タワー601      | 11-6-1-601
            0270203 | 第二十一地割大淵川480                 | 21-480
            5900016 | 四丁六番十九号                       | 4-6-19
            0800831 | 南七線 西28                          | 7-28
            3170055 | 6丁目7-14 ABCビル2F                  | 6-7-14-2
            3170055 | 6丁目7-14 ABCビル2F201号室           | 6-7-14-2-201
            6500046 | 9丁目7-6 郵便シティA棟1F1号           | 9-7-6A1-1
            6230011 | 綾部6-7 LプラザB106                   | 6-7LB106
            0640804 | 29丁目1524-23 第2郵便ハウス501        | 29-1524-23-2-501
            9100067 | 3丁目80-25 J1ビル2-B                 | 3-80-25J1-2B
            """)
    void specVectors(String postal, String afterTown, String expected) {
        int space = afterTown.indexOf(' ');
        String block = space < 0 ? afterTown : afterTown.substring(0, space);
        String building = space < 0 ? "" : afterTown.substring(space + 1);

        assertThat(AddressNumber.extract(block, building)).isEqualTo(expected);
        assertThat(AddressNumber.fromText(afterTown)).isEqualTo(expected);
    }

    @Test
    void eitherPartMayBeEmptyOrNull() {
        assertThat(AddressNumber.extract("", "")).isEmpty();
        assertThat(AddressNumber.extract(null, null)).isEmpty();
        assertThat(AddressNumber.extract("", "郵便ビル403号")).isEqualTo("403");
        assertThat(AddressNumber.extract("2丁目45番1号", null)).isEqualTo("2-45-1");
    }

    @Test
    void fullWidthAndLowerCaseAreNormalised() {
        assertThat(AddressNumber.fromText("１丁目２－３　ｂ棟")).isEqualTo("1-2-3B");
    }

    @Test
    void kanjiNumeralsWithHundredsAndThousands() {
        assertThat(AddressNumber.fromText("百二番地")).isEqualTo("102");
        assertThat(AddressNumber.fromText("千二百三十四番地")).isEqualTo("1234");
        assertThat(AddressNumber.fromText("三百番")).isEqualTo("300");
        assertThat(AddressNumber.fromText("二〇五番地")).isEqualTo("205");
        assertThat(AddressNumber.fromText("十番")).isEqualTo("10");
        assertThat(AddressNumber.fromText("一の二番")).isEqualTo("1-2");
    }

    @Test
    void kanjiNumeralsNotBeforeAnAddressWordStayText() {
        // 九十九 here is part of a place name, not a number.
        assertThat(AddressNumber.fromText("九十九里5")).isEqualTo("5");
        assertThat(AddressNumber.fromText("三軒茶屋")).isEmpty();
    }

    @Test
    void floorFIsDroppedOrBecomesAHyphen() {
        assertThat(AddressNumber.fromText("1-2 ビル3F")).isEqualTo("1-2-3");
        assertThat(AddressNumber.fromText("1-2 ビル3F5")).isEqualTo("1-2-3-5");
        // An F not after a number is an ordinary single letter.
        assertThat(AddressNumber.fromText("1-2 F棟")).isEqualTo("1-2F");
    }

    @Test
    void hyphenRulesAndTrailingText() {
        assertThat(AddressNumber.fromText("--1--2--")).isEqualTo("1-2");
        assertThat(AddressNumber.fromText("1 A 2")).isEqualTo("1A2");
        assertThat(AddressNumber.fromText("1/2.3&4")).isEqualTo("1234");
        assertThat(AddressNumber.fromText("5番地 コーポ")).isEqualTo("5");
    }
}
