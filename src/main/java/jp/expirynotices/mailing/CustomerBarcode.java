package jp.expirynotices.mailing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Japan Post customer barcode (カスタマバーコード): start, 7-digit postal code, 13 address-number symbols, check
 * symbol, stop — 67 bars written as F (long), A (upper semi-long), D (lower semi-long), T (timing).
 *
 * @param postalCode    the 7 postal-code digits, no hyphen
 * @param addressNumber the extracted 住所表示番号 before cutting to the 20 data symbols ("" when none)
 * @param checkValue    the check symbol's value 0–18
 * @param bars          the 67 bars
 */
public record CustomerBarcode(String postalCode, String addressNumber, int checkValue, String bars) {

    public static final int BAR_COUNT = 67;
    /** Postal code plus address number are always exactly this many symbols (cut or padded with CC4). */
    public static final int DATA_SYMBOLS = 20;

    private static final String START = "FD";
    private static final String STOP = "DF";
    private static final int HYPHEN = 10;
    private static final int CC1 = 11;
    private static final int CC2 = 12;
    private static final int CC3 = 13;
    private static final int CC4 = 14;

    /** Bars of symbol values 0–18: digits 0–9, hyphen (10), CC1–CC8 (11–18). */
    private static final String[] SYMBOL_BARS = {
            "FTT", "FFT", "FDA", "DFA", "FAD", "FTF", "DAF", "AFD", "ADF", "TFF",
            "TFT", "DAT", "DTA", "ADT", "TDA", "ATD", "TAD", "TTF", "FFF"};

    private static final Pattern POSTAL = Pattern.compile("\\d{3}-?\\d{4}");
    private static final Pattern BARS = Pattern.compile("[FADT]{" + BAR_COUNT + "}");
    /** Compiled once: String.matches compiles its pattern on every call (each letter drawn and checked). */
    private static final Pattern ADDRESS_NUMBER = Pattern.compile("[0-9A-Z-]*");

    public CustomerBarcode {
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(addressNumber, "addressNumber");
        Objects.requireNonNull(bars, "bars");
        if (!BARS.matcher(bars).matches()) {
            throw new IllegalArgumentException("bars must be " + BAR_COUNT + " of F, A, D, T");
        }
        if (checkValue < 0 || checkValue > 18) {
            throw new IllegalArgumentException("checkValue out of range: " + checkValue);
        }
    }

    /**
     * The barcode for a postal code ({@code 1234567} or {@code 123-4567}) and the address after the town name.
     * Empty for an invalid postal code or a representative one (ending in 00), which Japan Post does not
     * want barcoded.
     */
    public static Optional<CustomerBarcode> encode(String postalCode7Digits, String addressBlock,
                                                   String addressBuilding) {
        return ofAddressNumber(postalCode7Digits, AddressNumber.extract(addressBlock, addressBuilding));
    }

    /** As {@link #encode}, for an address number that was already extracted (digits, hyphens, A–Z). */
    public static Optional<CustomerBarcode> ofAddressNumber(String postalCode7Digits, String addressNumber) {
        Optional<String> postal = normalisePostalCode(postalCode7Digits);
        if (postal.isEmpty() || postal.get().endsWith("00")) {
            return Optional.empty();
        }
        String number = addressNumber == null ? "" : addressNumber;
        if (!ADDRESS_NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("address number may hold only 0-9, A-Z and '-'");
        }
        List<Integer> symbols = dataSymbols(postal.get(), number);
        int sum = symbols.stream().mapToInt(Integer::intValue).sum();
        int check = (19 - sum % 19) % 19;
        StringBuilder bars = new StringBuilder(BAR_COUNT).append(START);
        symbols.forEach(s -> bars.append(SYMBOL_BARS[s]));
        bars.append(SYMBOL_BARS[check]).append(STOP);
        return Optional.of(new CustomerBarcode(postal.get(), number, check, bars.toString()));
    }

    /** 7 digits without the hyphen, or empty when the text is not a postal code. */
    static Optional<String> normalisePostalCode(String postalCode) {
        if (postalCode == null) {
            return Optional.empty();
        }
        String trimmed = postalCode.strip();
        return POSTAL.matcher(trimmed).matches() ? Optional.of(trimmed.replace("-", "")) : Optional.empty();
    }

    /**
     * The 20 data symbol values. Cutting the list after expanding letters to two symbols is exactly the rule
     * "a letter split at position 20 keeps only its control code".
     */
    static List<Integer> dataSymbols(String postal7, String addressNumber) {
        List<Integer> symbols = new ArrayList<>(DATA_SYMBOLS + 2);
        for (char c : postal7.toCharArray()) {
            symbols.add(c - '0');
        }
        for (char c : addressNumber.toCharArray()) {
            symbols.addAll(symbolsOf(c));
        }
        if (symbols.size() > DATA_SYMBOLS) {
            symbols = new ArrayList<>(symbols.subList(0, DATA_SYMBOLS));
        }
        while (symbols.size() < DATA_SYMBOLS) {
            symbols.add(CC4);
        }
        return symbols;
    }

    /** A digit or hyphen is one symbol; a letter is a control code followed by a digit. */
    static List<Integer> symbolsOf(char c) {
        if (c >= '0' && c <= '9') {
            return List.of(c - '0');
        }
        if (c == '-') {
            return List.of(HYPHEN);
        }
        if (c >= 'A' && c <= 'J') {
            return List.of(CC1, c - 'A');
        }
        if (c >= 'K' && c <= 'T') {
            return List.of(CC2, c - 'K');
        }
        if (c >= 'U' && c <= 'Z') {
            return List.of(CC3, c - 'U');
        }
        throw new IllegalArgumentException("not encodable: " + c);
    }

    /** The bars of one symbol value 0–18 (digits, hyphen = 10, CC1–CC8 = 11–18). */
    static String barsOf(int symbolValue) {
        return SYMBOL_BARS[symbolValue];
    }
}
