package jp.expirynotices.letter;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.Resident;

/**
 * Everything one letter says: the resident, what the rules decided on the run date, the letter date and the
 * customer barcode (67 bars as F/A/D/T letters; empty for a representative postal code).
 */
public record NoticeLetter(Resident resident, ResidentAssessment assessment, LocalDate letterDate,
                           Optional<String> customerBarcode) {

    public NoticeLetter {
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(letterDate, "letterDate");
        Objects.requireNonNull(customerBarcode, "customerBarcode");
    }

    @Override
    public String toString() {
        return "NoticeLetter[" + resident.residentId() + "]";
    }
}
