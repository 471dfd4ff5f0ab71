package jp.expirynotices.job;

import java.time.LocalDate;

/** One row of manifest.csv (interfaces.md §3), plus where the letter sits in the print bundles. */
public record ManifestRow(int sequence, String residentId, String postalCode, LocalDate earliestExpiry,
                          String certificates, String reason, String letterFile, Integer pages, String sha256,
                          String customerBarcode, String bundleFile, Integer bundleFirstPage) {
}
