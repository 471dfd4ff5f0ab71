package jp.expirynotices.mailing;

/** One address-number vector of customer-barcode.md: the text after the town, split into block and building. */
record AddressVector(String block, String building) {

    /** The vectors, {@code postal | text after the town | address number} (for {@code @CsvFileSource}). */
    static final String FILE = "/customer-barcode/address-vectors.psv";

    /** Block and building split at the first space, as the spec's examples write them. */
    static AddressVector split(String afterTown) {
        int space = afterTown.indexOf(' ');
        return space < 0 ? new AddressVector(afterTown, "")
                : new AddressVector(afterTown.substring(0, space), afterTown.substring(space + 1));
    }
}
