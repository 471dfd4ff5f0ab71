package jp.expirynotices.registry;

import static jp.expirynotices.registry.RegistryColumn.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;

/**
 * The row rules of interfaces.md §1. The first fault in column order is reported; reasons name the column and the
 * rule but never echo the value (it may be personal data). Stateful only to find repeated resident ids: use one
 * instance per file. {@link #firstOfId} is that state, to be called for every row in file order on one thread;
 * {@link #validate(RawRecord, RegistryHeader, boolean)} with its answer is safe on any thread, so that rows can be
 * checked side by side.
 */
public final class RegistryValidator {

    static final int MAX_ID_LENGTH = 32;
    static final int MAX_TEXT_LENGTH = 100;
    /** Japan has used the Gregorian calendar since 1873-01-01 (明治6年); earlier dates have no 和暦 to print. */
    static final int FIRST_YEAR = 1873;

    /** What {@link #wellFormedId} and {@link #wellFormedPostalCode} accept; kept for the equivalence test. */
    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final Pattern POSTAL_PATTERN = Pattern.compile("[0-9]{3}-?[0-9]{4}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LocalDate runDate;
    /** Every well-formed id of the file so far, compactly (a HashSet of a million ids would take ~100 MB). */
    private final ResidentIdSet seenIds;

    public RegistryValidator(LocalDate runDate) {
        this(runDate, 0);
    }

    /** @param expectedRows about how many rows the file has (0 if not known), see {@link ResidentIdSet} */
    public RegistryValidator(LocalDate runDate, long expectedRows) {
        this.runDate = runDate;
        this.seenIds = new ResidentIdSet(expectedRows);
    }

    /** The row's outcome; rows must come in file order (a repeated id is rejected in the later row). */
    public ValidationOutcome validate(RawRecord record, RegistryHeader header) {
        return validate(record, header, firstOfId(record, header));
    }

    /**
     * True if the row's id is well formed and no earlier row had it. Counted before any other rule: a later row
     * repeating the id is a duplicate even if this row is rejected. Call once per row, in file order.
     */
    public boolean firstOfId(RawRecord record, RegistryHeader header) {
        String rawId = header.value(record.fields(), RESIDENT_ID);
        return wellFormedId(rawId) && seenIds.add(rawId);
    }

    /** The row's outcome, given {@link #firstOfId} of the row; thread-safe. */
    public ValidationOutcome validate(RawRecord record, RegistryHeader header, boolean firstOfId) {
        String rawId = header.value(record.fields(), RESIDENT_ID);
        try {
            return new ValidationOutcome.Valid(parse(record, header, rawId, firstOfId));
        } catch (RowFault fault) {
            return new ValidationOutcome.Invalid(new Reject(record.line(), storable(rawId), fault.column,
                    fault.getMessage()));
        }
    }

    /**
     * The id of a rejected row as given, except NUL shown as U+FFFD: PostgreSQL cannot store a NUL in text, and a
     * stray NUL (a binary or UTF-16 file) would fail the whole run instead of one row.
     */
    static String storable(String rawId) {
        return rawId.indexOf('\0') < 0 ? rawId : rawId.replace('\0', '\uFFFD');
    }

    private Resident parse(RawRecord record, RegistryHeader header, String rawId, boolean firstOfId) {
        String[] f = record.fields();
        boolean wellFormedId = wellFormedId(rawId);
        if (f.length != header.width()) {
            throw new RowFault("", "FIELD_COUNT: the row has " + f.length + " fields, the header has "
                    + header.width());
        }
        if (rawId.isEmpty()) {
            throw new RowFault(RESIDENT_ID, "MISSING_VALUE: resident_id is required");
        }
        if (!wellFormedId) {
            throw new RowFault(RESIDENT_ID, "INVALID_FORMAT: resident_id must be 1-" + MAX_ID_LENGTH
                    + " of A-Z a-z 0-9 _ - starting with a letter or digit");
        }
        if (!firstOfId) {
            throw new RowFault(RESIDENT_ID, "DUPLICATE_ID: resident_id repeats an earlier row's");
        }
        String name = text(header, f, NAME, true);
        String nameKana = text(header, f, NAME_KANA, false);
        LocalDate birthDate = required(date(header, f, BIRTH_DATE), BIRTH_DATE);
        if (birthDate.isAfter(runDate)) {
            throw new RowFault(BIRTH_DATE, "BIRTH_AFTER_RUN_DATE: birth_date is after the run date");
        }
        String postal = header.value(f, POSTAL_CODE);
        if (postal.isEmpty()) {
            throw missing(POSTAL_CODE);
        }
        if (!wellFormedPostalCode(postal)) {
            throw new RowFault(POSTAL_CODE, "INVALID_FORMAT: postal_code must be 1234567 or 123-4567");
        }
        String town = text(header, f, ADDRESS_TOWN, true);
        String block = text(header, f, ADDRESS_BLOCK, false);
        String building = text(header, f, ADDRESS_BUILDING, false);
        LocalDate cardExpiresOn = required(date(header, f, CARD_EXPIRES_ON), CARD_EXPIRES_ON);

        Certificate sign = certificate(header, f, CertificateKind.SIGN, SIGN_CERT_ISSUED_ON, SIGN_CERT_EXPIRES_ON,
                SIGN_CERT_STATUS, birthDate, cardExpiresOn);
        Certificate auth = certificate(header, f, CertificateKind.AUTH, AUTH_CERT_ISSUED_ON, AUTH_CERT_EXPIRES_ON,
                AUTH_CERT_STATUS, birthDate, cardExpiresOn);
        List<Certificate> certificates = sign == null ? (auth == null ? List.of() : List.of(auth))
                : auth == null ? List.of(sign) : List.of(sign, auth);
        boolean holdMail = holdMail(header.value(f, HOLD_MAIL));

        return new Resident(record.line(), rawId, name, nameKana, birthDate, postal.replace("-", ""), town, block,
                building, cardExpiresOn, certificates, holdMail);
    }

    /**
     * {@link #ID_PATTERN} as a plain loop, like {@link #wellFormedPostalCode}: both run for every row, and a regular
     * expression costs the select step's two cores more, in its run and in compiling it, than the rest of the row.
     */
    static boolean wellFormedId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #POSTAL_PATTERN}: seven ASCII digits, or three and four joined by a hyphen. */
    static boolean wellFormedPostalCode(String postal) {
        int length = postal.length();
        if (length == 8 && postal.charAt(3) != '-' || length != 7 && length != 8) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = postal.charAt(i);
            if ((c < '0' || c > '9') && !(length == 8 && i == 3)) {
                return false;
            }
        }
        return true;
    }

    /** The row's certificate of one kind; null when the row has none. */
    private Certificate certificate(RegistryHeader header, String[] f, CertificateKind kind,
                                    RegistryColumn issuedColumn, RegistryColumn expiresColumn,
                                    RegistryColumn statusColumn, LocalDate birthDate, LocalDate cardExpiresOn) {
        LocalDate issuedOn = date(header, f, issuedColumn);
        LocalDate recorded = date(header, f, expiresColumn);
        String status = header.value(f, statusColumn);
        if (issuedOn == null) {
            if (!status.isEmpty()) {
                throw new RowFault(statusColumn, "MISSING_ISSUE_DATE: " + statusColumn.header() + " is given without "
                        + issuedColumn.header());
            }
            if (recorded != null) {
                throw new RowFault(expiresColumn, "MISSING_ISSUE_DATE: " + expiresColumn.header()
                        + " is given without " + issuedColumn.header());
            }
            return null;
        }
        if (issuedOn.isBefore(birthDate)) {
            throw new RowFault(issuedColumn, "ISSUE_BEFORE_BIRTH: " + issuedColumn.header()
                    + " is before birth_date");
        }
        if (issuedOn.isAfter(runDate)) {
            throw new RowFault(issuedColumn, "ISSUE_AFTER_RUN_DATE: " + issuedColumn.header()
                    + " is after the run date");
        }
        if (issuedOn.isAfter(cardExpiresOn)) {
            throw new RowFault(issuedColumn, "ISSUE_AFTER_CARD_EXPIRY: " + issuedColumn.header()
                    + " is after card_expires_on");
        }
        if (recorded != null && !recorded.isAfter(issuedOn)) {
            throw new RowFault(expiresColumn, "EXPIRY_NOT_AFTER_ISSUE: " + expiresColumn.header()
                    + " is not after " + issuedColumn.header());
        }
        if (status.isEmpty()) {
            throw new RowFault(statusColumn, "MISSING_STATUS: " + statusColumn.header() + " is required when "
                    + issuedColumn.header() + " is given");
        }
        CertificateStatus parsed = switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> CertificateStatus.ACTIVE;
            case "revoked" -> CertificateStatus.REVOKED;
            default -> throw new RowFault(statusColumn, "INVALID_VALUE: " + statusColumn.header()
                    + " must be active or revoked");
        };
        return new Certificate(kind, issuedOn, Optional.ofNullable(recorded), parsed);
    }

    private static boolean holdMail(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false", "0" -> false;
            case "true", "1" -> true;
            default -> throw new RowFault(HOLD_MAIL, "INVALID_VALUE: hold_mail must be true, false, 1, 0 or empty");
        };
    }

    private static String text(RegistryHeader header, String[] f, RegistryColumn column, boolean required) {
        String value = header.value(f, column);
        if (value.isEmpty()) {
            if (required) {
                throw missing(column);
            }
            return value;
        }
        if (required && blank(value)) {
            throw new RowFault(column, "MISSING_VALUE: " + column.header() + " is blank");
        }
        if (value.length() > MAX_TEXT_LENGTH && value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
            throw new RowFault(column, "TOO_LONG: " + column.header() + " is longer than " + MAX_TEXT_LENGTH
                    + " characters");
        }
        // Control characters (tab, newline, NUL, ...) and the Unicode line and paragraph separators would break
        // the printed address block. A plain loop: this runs for several fields of every row.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (breaksLine(c)) {
                throw new RowFault(column, "CONTROL_CHARACTER: " + column.header()
                        + " contains a control character");
            }
        }
        return value;
    }

    /** {@link String#isBlank()}, answered from the first character when that is plainly not white space. */
    static boolean blank(String value) {
        char first = value.charAt(0);
        if (!Character.isWhitespace(first) && !Character.isSurrogate(first)) {
            return false;
        }
        return value.isBlank();
    }

    /**
     * Control (Cc: U+0000-001F, U+007F-009F), line separator (Zl: U+2028 alone) or paragraph separator (Zp: U+2029
     * alone), by their code values (Unicode keeps these categories stable; {@code ValidatorFastPathTest} checks
     * every UTF-16 unit against {@link Character#getType}). None of these is a surrogate or a supplementary code
     * point, so testing UTF-16 units one by one is the same as testing code points.
     */
    static boolean breaksLine(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }

    /** The column's date; null when the field is empty. Null rather than an optional: seven a row. */
    private LocalDate date(RegistryHeader header, String[] f, RegistryColumn column) {
        String value = header.value(f, column);
        if (value.isEmpty()) {
            return null;
        }
        LocalDate parsed = parseDate(value);
        if (parsed == null) {
            throw new RowFault(column, "INVALID_DATE: " + column.header()
                    + " must be a real date written yyyy-MM-dd or yyyy/MM/dd");
        }
        return parsed;
    }

    private static LocalDate required(LocalDate date, RegistryColumn column) {
        if (date == null) {
            throw missing(column);
        }
        return date;
    }

    /** A real calendar date in {@code yyyy-MM-dd} or {@code yyyy/MM/dd}, from 1873 on; otherwise null. */
    static LocalDate parseDate(String value) {
        if (value.length() != 10) {
            return null;
        }
        // Hand-written (this runs up to seven times a row); the same as the strict uuuu-MM-dd / uuuu/MM/dd
        // formatters, which RegistryValidatorTest compares it with.
        char separator = value.charAt(4);
        if (separator != '-' && separator != '/' || value.charAt(7) != separator) {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The ASCII digits from {@code from} to {@code to} as a number; -1 if any is not one. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The formatter-based parse that {@link #parseDate} replaces; kept for the equivalence test. */
    static LocalDate parseDateWithFormatter(String value) {
        if (value.length() != 10) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value, value.charAt(4) == '/' ? SLASHED : ISO);
            return d.getYear() >= FIRST_YEAR ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static RowFault missing(RegistryColumn column) {
        return new RowFault(column, "MISSING_VALUE: " + column.header() + " is required");
    }

    /** A rule broken by one row; carries the column for rejects.csv. Cheap: no stack trace. */
    private static final class RowFault extends RuntimeException {
        private final String column;

        RowFault(RegistryColumn column, String reason) {
            this(column.header(), reason);
        }

        RowFault(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }
}
