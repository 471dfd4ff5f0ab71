package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerBarcodeTest {

    /** The spec's symbol table, written out independently of the implementation. */
    private static final Map<String, Integer> VALUE_OF_BARS = Map.ofEntries(
            Map.entry("FFT", 1), Map.entry("FDA", 2), Map.entry("DFA", 3), Map.entry("FAD", 4),
            Map.entry("FTF", 5), Map.entry("DAF", 6), Map.entry("AFD", 7), Map.entry("ADF", 8),
            Map.entry("TFF", 9), Map.entry("FTT", 0), Map.entry("TFT", 10), Map.entry("DAT", 11),
            Map.entry("DTA", 12), Map.entry("ADT", 13), Map.entry("TDA", 14), Map.entry("ATD", 15),
            Map.entry("TAD", 16), Map.entry("TTF", 17), Map.entry("FFF", 18));

    private static final int HYPHEN = 10;
    private static final int CC1 = 11;
    private static final int CC2 = 12;
    private static final int CC3 = 13;
    private static final int CC4 = 14;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "1000013, 1-3-2-503, 9, FDFFTFTTFTTFTTFTTFFTDFAFFTTFTDFATFTFDATFTFTFFTTDFATDATDATDATDATFFDF",
            "1540023, 3-16-4-205, 6, FDFFTFTFFADFTTFTTFDADFADFATFTFFTDAFTFTFADTFTFDAFTTFTFTDATDATDADAFDF",
            "3501106, 22-1A308, 5, FDDFAFTFFTTFFTFFTFTTDAFFDAFDATFTFFTDATFTTDFAFTTADFTDATDATDATDAFTFDF"})
    void specFullBarStrings(String postal, String addressNumber, int check, String bars) {
        CustomerBarcode fromNumber = CustomerBarcode.ofAddressNumber(postal, addressNumber).orElseThrow();
        assertThat(fromNumber.bars()).isEqualTo(bars).hasSize(67);
        assertThat(fromNumber.checkValue()).isEqualTo(check);
        assertThat(fromNumber.addressNumber()).isEqualTo(addressNumber);

        // The address number is already in extracted form, so extracting it again changes nothing.
        assertThat(CustomerBarcode.encode(postal, addressNumber, "")).contains(fromNumber);
    }

    @Test
    void encodeExtractsTheAddressNumberFromBlockAndBuilding() {
        CustomerBarcode code = CustomerBarcode.encode("100-0013", "1丁目3番2号", "郵便プラザ503室").orElseThrow();
        assertThat(code.postalCode()).isEqualTo("1000013");
        assertThat(code.addressNumber()).isEqualTo("1-3-2-503");
        assertThat(code.bars())
                .isEqualTo("FDFFTFTTFTTFTTFTTFFTDFAFFTTFTDFATFTFDATFTFTFFTTDFATDATDATDATDATFFDF");
    }

    /** Every address-number vector of the spec yields a well-formed code whose check symbol verifies. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = AddressVector.FILE, delimiter = '|')
    void everyAddressVectorEncodes(String postal, String afterTown, String expectedNumber) {
        AddressVector v = AddressVector.split(afterTown);

        CustomerBarcode code = CustomerBarcode.encode(postal, v.block(), v.building()).orElseThrow();

        assertThat(code.addressNumber()).isEqualTo(expectedNumber);
        assertThat(code.bars()).hasSize(67).startsWith("FD").endsWith("DF");
        List<Integer> symbols = decode(code.bars());
        assertThat(symbols).hasSize(21);
        assertThat(symbols.subList(0, 7)).isEqualTo(digits(postal));
        int sum = symbols.subList(0, 20).stream().mapToInt(Integer::intValue).sum();
        assertThat((sum + code.checkValue()) % 19).as("check digit").isZero();
        assertThat(symbols.get(20)).isEqualTo(code.checkValue());
    }

    @Test
    void lettersAreAControlCodeAndADigit() {
        for (char c = 'A'; c <= 'Z'; c++) {
            List<Integer> expected = c <= 'J' ? List.of(CC1, c - 'A')
                    : c <= 'T' ? List.of(CC2, c - 'K')
                    : List.of(CC3, c - 'U');
            assertThat(CustomerBarcode.symbolsOf(c)).as("letter %s", c).isEqualTo(expected);

            CustomerBarcode code = CustomerBarcode.ofAddressNumber("1234567", String.valueOf(c)).orElseThrow();
            List<Integer> symbols = decode(code.bars());
            assertThat(symbols.subList(7, 9)).as("bars of %s", c).isEqualTo(expected);
            assertThat(symbols.subList(9, 20)).containsOnly(CC4);
        }
        assertThat(CustomerBarcode.symbolsOf('A')).containsExactly(CC1, 0);
        assertThat(CustomerBarcode.symbolsOf('K')).containsExactly(CC2, 0);
        assertThat(CustomerBarcode.symbolsOf('T')).containsExactly(CC2, 9);
        assertThat(CustomerBarcode.symbolsOf('U')).containsExactly(CC3, 0);
        assertThat(CustomerBarcode.symbolsOf('Z')).containsExactly(CC3, 5);
    }

    @Test
    void longAddressNumberIsCutToTwentySymbols() {
        CustomerBarcode code = CustomerBarcode.encode("0640804", "29丁目1524-23", "第2郵便ハウス501").orElseThrow();

        assertThat(code.addressNumber()).isEqualTo("29-1524-23-2-501");
        List<Integer> expected = new ArrayList<>(digits("0640804"));
        expected.addAll(List.of(2, 9, HYPHEN, 1, 5, 2, 4, HYPHEN, 2, 3, HYPHEN, 2, HYPHEN)); // "29-1524-23-2-"
        assertDataSymbols(code, expected);
    }

    @Test
    void letterSplitAtPositionTwentyKeepsOnlyItsControlCode() {
        CustomerBarcode code = CustomerBarcode.encode("9100067", "3丁目80-25", "J1ビル2-B").orElseThrow();

        assertThat(code.addressNumber()).isEqualTo("3-80-25J1-2B");
        List<Integer> expected = new ArrayList<>(digits("9100067"));
        // 3 - 8 0 - 2 5 J(CC1 9) 1 - 2 B(CC1 | 1 cut off)
        expected.addAll(List.of(3, HYPHEN, 8, 0, HYPHEN, 2, 5, CC1, 9, 1, HYPHEN, 2, CC1));
        assertDataSymbols(code, expected);
    }

    @Test
    void shortAddressNumberIsPaddedWithCc4() {
        CustomerBarcode code = CustomerBarcode.encode("4070033", "韮崎400", "").orElseThrow();
        List<Integer> expected = new ArrayList<>(digits("4070033"));
        expected.addAll(List.of(4, 0, 0));
        IntStream.range(0, 10).forEach(i -> expected.add(CC4));
        assertDataSymbols(code, expected);

        CustomerBarcode none = CustomerBarcode.encode("4070033", "", "").orElseThrow();
        assertThat(none.addressNumber()).isEmpty();
        assertThat(decode(none.bars()).subList(7, 20)).hasSize(13).containsOnly(CC4);
    }

    @Test
    void noBarcodeForARepresentativePostalCode() {
        assertThat(CustomerBarcode.encode("1000000", "1丁目3番2号", "")).isEmpty();
        assertThat(CustomerBarcode.encode("163-8000", "2丁目8番1号", "")).isEmpty();
        assertThat(CustomerBarcode.ofAddressNumber("1540100", "3-16")).isEmpty();
    }

    @Test
    void noBarcodeForAnInvalidPostalCode() {
        assertThat(CustomerBarcode.encode(null, "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("123456", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("12345678", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("12-34567", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("123--4567", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("123456A", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("１２３４５６７", "1", "")).isEmpty();
        assertThat(CustomerBarcode.encode("123-4567", "1", "")).isPresent();
    }

    private static void assertDataSymbols(CustomerBarcode code, List<Integer> expected) {
        assertThat(expected).hasSize(20);
        List<Integer> symbols = decode(code.bars());
        assertThat(symbols.subList(0, 20)).isEqualTo(expected);
        int sum = expected.stream().mapToInt(Integer::intValue).sum();
        assertThat((sum + code.checkValue()) % 19).isZero();
        assertThat(symbols.get(20)).isEqualTo(code.checkValue());
    }

    /** Symbol values between start and stop (20 data symbols + check). */
    private static List<Integer> decode(String bars) {
        assertThat(bars).startsWith("FD").endsWith("DF");
        String body = bars.substring(2, bars.length() - 2);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < body.length(); i += 3) {
            Integer value = VALUE_OF_BARS.get(body.substring(i, i + 3));
            assertThat(value).as("symbol at %d", i / 3).isNotNull();
            out.add(value);
        }
        return out;
    }

    private static List<Integer> digits(String s) {
        return s.chars().map(c -> c - '0').boxed().toList();
    }
}
