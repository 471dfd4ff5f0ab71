package jp.expirynotices.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.expirynotices.expiry.Certificate;

/**
 * One valid registry row. Optional text fields are empty strings, never null.
 *
 * <p>{@link #toString()} shows the resident id only: names, addresses and birth dates must never reach a log.
 *
 * @param line        input line where the row starts (header = 1)
 * @param postalCode  seven digits, no hyphen
 */
public record Resident(long line, String residentId, String name, String nameKana, LocalDate birthDate,
                       String postalCode, String addressTown, String addressBlock, String addressBuilding,
                       LocalDate cardExpiresOn, List<Certificate> certificates, boolean holdMail) {

    public Resident {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(name, "name");
        nameKana = Objects.requireNonNullElse(nameKana, "");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(addressTown, "addressTown");
        addressBlock = Objects.requireNonNullElse(addressBlock, "");
        addressBuilding = Objects.requireNonNullElse(addressBuilding, "");
        Objects.requireNonNull(cardExpiresOn, "cardExpiresOn");
        certificates = List.copyOf(certificates);
    }

    /** Postal code as printed: {@code 170-0013}. */
    public String postalCodeHyphenated() {
        return postalCode.substring(0, 3) + "-" + postalCode.substring(3);
    }

    @Override
    public String toString() {
        return "Resident[" + residentId + ", line " + line + "]";
    }
}
