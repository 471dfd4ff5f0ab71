package jp.expirynotices.registry;

import java.util.Locale;

/** The registry CSV columns of interfaces.md §1, matched by header name (trimmed, case-insensitive). */
public enum RegistryColumn {
    RESIDENT_ID(true),
    NAME(true),
    NAME_KANA(false),
    BIRTH_DATE(true),
    POSTAL_CODE(true),
    ADDRESS_TOWN(true),
    ADDRESS_BLOCK(false),
    ADDRESS_BUILDING(false),
    CARD_EXPIRES_ON(true),
    SIGN_CERT_ISSUED_ON(false),
    SIGN_CERT_EXPIRES_ON(false),
    SIGN_CERT_STATUS(false),
    AUTH_CERT_ISSUED_ON(false),
    AUTH_CERT_EXPIRES_ON(false),
    AUTH_CERT_STATUS(false),
    HOLD_MAIL(false);

    private final boolean required;

    RegistryColumn(boolean required) {
        this.required = required;
    }

    /** Whether the header must have this column (a missing one stops the job before any row is read). */
    public boolean required() {
        return required;
    }

    /** The header name, e.g. {@code card_expires_on}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
