package jp.expirynotices.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;

class RegistryValidatorTest {

    static final LocalDate R = LocalDate.of(2026, 11, 24);
    static final String[] HEADER = {"resident_id", "name", "name_kana", "birth_date", "postal_code", "address_town",
            "address_block", "address_building", "card_expires_on", "sign_cert_issued_on", "sign_cert_expires_on",
            "sign_cert_status", "auth_cert_issued_on", "auth_cert_expires_on", "auth_cert_status", "hold_mail"};
    static final RegistryHeader H = RegistryHeader.of(HEADER);

    /** A valid row, changed by {@code overrides}. */
    static String[] row(String... overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("resident_id", "R001");
        v.put("name", "山田 太郎");
        v.put("name_kana", "ヤマダ タロウ");
        v.put("birth_date", "1985-11-14");
        v.put("postal_code", "170-0013");
        v.put("address_town", "東京都豊島区東池袋");
        v.put("address_block", "1丁目2番3号");
        v.put("address_building", "");
        v.put("card_expires_on", "2031-11-14");
        v.put("sign_cert_issued_on", "2021-11-15");
        v.put("sign_cert_expires_on", "");
        v.put("sign_cert_status", "active");
        v.put("auth_cert_issued_on", "2021-11-15");
        v.put("auth_cert_expires_on", "");
        v.put("auth_cert_status", "active");
        v.put("hold_mail", "");
        for (int i = 0; i < overrides.length; i += 2) {
            v.put(overrides[i], overrides[i + 1]);
        }
        return v.values().toArray(String[]::new);
    }

    private static ValidationOutcome validate(String... overrides) {
        return new RegistryValidator(R).validate(new RawRecord(7, row(overrides)), H);
    }

    private static Reject reject(String... overrides) {
        ValidationOutcome o = validate(overrides);
        assertThat(o).isInstanceOf(ValidationOutcome.Invalid.class);
        return ((ValidationOutcome.Invalid) o).reject();
    }

    @Test
    void validRowBecomesAResident() {
        ValidationOutcome o = validate("postal_code", "170-0013", "hold_mail", "TRUE", "sign_cert_status", "Revoked",
                "birth_date", "1985/11/14");
        Resident r = ((ValidationOutcome.Valid) o).resident();
        assertThat(r.residentId()).isEqualTo("R001");
        assertThat(r.postalCode()).isEqualTo("1700013");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1985, 11, 14));
        assertThat(r.holdMail()).isTrue();
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.certificates()).extracting(c -> c.kind() + ":" + c.status())
                .containsExactly("SIGN:REVOKED", "AUTH:ACTIVE");
        assertThat(r.certificates().get(1).recordedExpiry()).isEqualTo(Optional.empty());
        assertThat(r.toString()).doesNotContain("山田").doesNotContain("東池袋");
    }

    @Test
    void certificatesAreOptional() {
        ValidationOutcome o = validate("sign_cert_issued_on", "", "sign_cert_status", "", "auth_cert_issued_on", "",
                "auth_cert_status", "");
        assertThat(((ValidationOutcome.Valid) o).resident().certificates()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "resident_id|''|resident_id|MISSING_VALUE",
            "resident_id|ab/../c|resident_id|INVALID_FORMAT",
            "resident_id|-R1|resident_id|INVALID_FORMAT",
            "resident_id|R:1|resident_id|INVALID_FORMAT",
            "resident_id|R\\1|resident_id|INVALID_FORMAT",
            "resident_id|A23456789012345678901234567890123|resident_id|INVALID_FORMAT",
            "name|''|name|MISSING_VALUE",
            "name|'   '|name|MISSING_VALUE",
            "name|山田\t太郎|name|CONTROL_CHARACTER",
            "birth_date|''|birth_date|MISSING_VALUE",
            "birth_date|2026-02-29|birth_date|INVALID_DATE",
            "birth_date|2026-13-01|birth_date|INVALID_DATE",
            "birth_date|0000-01-01|birth_date|INVALID_DATE",
            "birth_date|' 1985-11-14'|birth_date|INVALID_DATE",
            "birth_date|1985-1-14|birth_date|INVALID_DATE",
            "birth_date|14.11.1985|birth_date|INVALID_DATE",
            "birth_date|2026-11-25|birth_date|BIRTH_AFTER_RUN_DATE",
            "postal_code|''|postal_code|MISSING_VALUE",
            "postal_code|12-345|postal_code|INVALID_FORMAT",
            "postal_code|１７０００１３|postal_code|INVALID_FORMAT",
            "address_town|''|address_town|MISSING_VALUE",
            "card_expires_on|''|card_expires_on|MISSING_VALUE",
            "card_expires_on|2031-02-30|card_expires_on|INVALID_DATE",
            "sign_cert_issued_on|1985-11-13|sign_cert_issued_on|ISSUE_BEFORE_BIRTH",
            "sign_cert_issued_on|2026-11-25|sign_cert_issued_on|ISSUE_AFTER_RUN_DATE",
            "sign_cert_status|''|sign_cert_status|MISSING_STATUS",
            "sign_cert_status|unknown|sign_cert_status|INVALID_VALUE",
            "sign_cert_expires_on|2021-11-15|sign_cert_expires_on|EXPIRY_NOT_AFTER_ISSUE",
            "sign_cert_expires_on|2021-11-14|sign_cert_expires_on|EXPIRY_NOT_AFTER_ISSUE",
            "auth_cert_issued_on|2026/11/25|auth_cert_issued_on|ISSUE_AFTER_RUN_DATE",
            "hold_mail|yes|hold_mail|INVALID_VALUE",
    })
    void eachRuleRejectsWithColumnAndReason(String column, String value, String expectedColumn, String code) {
        Reject r = reject(column, value);
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.column()).isEqualTo(expectedColumn);
        assertThat(r.reasonCode()).isEqualTo(code);
        if (!value.isBlank() && !column.equals("resident_id")) {
            assertThat(r.reason()).doesNotContain(value.strip());
        }
    }

    @Test
    void issueAfterCardExpiry() {
        Reject r = reject("card_expires_on", "2021-11-14");
        assertThat(r.column()).isEqualTo("sign_cert_issued_on");
        assertThat(r.reasonCode()).isEqualTo("ISSUE_AFTER_CARD_EXPIRY");
    }

    @Test
    void statusOrExpiryWithoutIssueDate() {
        assertThat(reject("auth_cert_issued_on", "").reasonCode()).isEqualTo("MISSING_ISSUE_DATE");
        Reject r = reject("auth_cert_issued_on", "", "auth_cert_status", "", "auth_cert_expires_on", "2030-01-01");
        assertThat(r.column()).isEqualTo("auth_cert_expires_on");
        assertThat(r.reasonCode()).isEqualTo("MISSING_ISSUE_DATE");
    }

    @Test
    void textLongerThan100CharactersCountsCodePoints() {
        assertThat(validate("name", "𠮷".repeat(100))).isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(reject("name", "𠮷".repeat(101)).reasonCode()).isEqualTo("TOO_LONG");
        assertThat(reject("address_building", "a".repeat(101)).reasonCode()).isEqualTo("TOO_LONG");
    }

    @Test
    void fieldCountMustMatchTheHeader() {
        String[] shortRow = java.util.Arrays.copyOf(row(), 15);
        Reject r = ((ValidationOutcome.Invalid) new RegistryValidator(R).validate(new RawRecord(3, shortRow), H))
                .reject();
        assertThat(r.reasonCode()).isEqualTo("FIELD_COUNT");
        assertThat(r.residentId()).isEqualTo("R001");
    }

    @Test
    void laterRowsRepeatingAnIdAreRejected() {
        RegistryValidator v = new RegistryValidator(R);
        assertThat(v.validate(new RawRecord(2, row()), H)).isInstanceOf(ValidationOutcome.Valid.class);
        ValidationOutcome second = v.validate(new RawRecord(3, row()), H);
        assertThat(((ValidationOutcome.Invalid) second).reject().reasonCode()).isEqualTo("DUPLICATE_ID");
        // an earlier row counts even when it was itself rejected
        RegistryValidator w = new RegistryValidator(R);
        w.validate(new RawRecord(2, row("resident_id", "X9", "birth_date", "bad")), H);
        assertThat(w.validate(new RawRecord(3, row("resident_id", "X9")), H))
                .isInstanceOf(ValidationOutcome.Invalid.class);
    }

    @Test
    void recordedExpiryIsKept() {
        Resident r = ((ValidationOutcome.Valid) validate("auth_cert_expires_on", "2027-11-14")).resident();
        assertThat(r.certificates().stream().filter(c -> c.kind() == CertificateKind.AUTH).findFirst().orElseThrow()
                .recordedExpiry()).contains(LocalDate.of(2027, 11, 14));
        assertThat(r.certificates().get(0).status()).isEqualTo(CertificateStatus.ACTIVE);
    }
}
