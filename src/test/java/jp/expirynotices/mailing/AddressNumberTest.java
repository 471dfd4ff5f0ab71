package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class AddressNumberTest {

    /** The 17 vectors of shared/spec/customer-barcode.md; block and building split at the first space. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvFileSource(resources = AddressVector.FILE, delimiter = '|')
    void specVectors(String postal, String afterTown, String expected) {
        AddressVector v = AddressVector.split(afterTown);

        assertThat(AddressNumber.extract(v.block(), v.building())).isEqualTo(expected);
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
