package jp.expirynotices.robustness;

import static jp.expirynotices.robustness.Registry.row;

import java.util.ArrayList;
import java.util.List;

/**
 * The row-level part of the bad-input catalogue: one registry row each (sometimes after rows it needs, e.g. the
 * first holder of a repeated id), with the exact outcome of interfaces.md §1 — a reject (resident_id as given,
 * column, reason code), or a valid row and what the run does with it (letter, held, not due). Every rule of §1 has
 * a case; so have the usual mistakes of hand-edited and exported files (dates, spaces, full-width digits, control
 * characters, stray quotes, field counts) and hostile ids (paths, formulas, device names).
 *
 * <p>Used twice: one by one against {@code RegistryReader} + {@code RegistryValidator}
 * ({@link BadInputCatalogueTest#eachRowCase}) and all together in one whole run ({@link MixedRegistryEndToEndTest}).
 */
final class RowCases {

    /** What the run must do with the case's last row. */
    sealed interface Expect {
    }

    /** A row of rejects.csv: the id as given (before the CSV writer's formula guard), the column and reason code. */
    record Rejected(String residentId, String column, String code) implements Expect {
    }

    /** Valid and due: a letter, listed in the manifest as {@code postal_code,earliest_expiry,certificates,reason}. */
    record Letter(String dueAs) implements Expect {
    }

    /** Valid and due, but no letter: a row of held.csv with this reason. */
    record Held(String reason) implements Expect {
    }

    /** Valid, not due: counted in summary.csv as {@code not_selected.REASON}. */
    record NotDue(String reason) implements Expect {
    }

    /**
     * @param before ids of rows (each a {@link Registry#row} left as it is, so a letter) that precede the case row
     * @param row    the case row as CSV text, without line end (may hold quoted line breaks)
     */
    record RowCase(String name, List<String> before, String row, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String MB = "x".repeat(1 << 20);
    static final Letter LETTER = new Letter(Registry.DUE_AS);

    private RowCases() {
    }

    private static final List<RowCase> ALL = new ArrayList<>();

    private static void add(String name, String row, Expect expect) {
        ALL.add(new RowCase(name, List.of(), row, expect));
    }

    private static Rejected rejected(String id, String column, String code) {
        return new Rejected(id, column, code);
    }

    static {
        // ---- resident_id: 1-32 of A-Z a-z 0-9 _ -, starting with a letter or digit; unique
        add("resident_id empty", row(""), rejected("", "resident_id", "MISSING_VALUE"));
        add("resident_id ../x (path traversal)", row("../x"), rejected("../x", "resident_id", "INVALID_FORMAT"));
        add("resident_id ..", row(".."), rejected("..", "resident_id", "INVALID_FORMAT"));
        add("resident_id with /", row("a/b"), rejected("a/b", "resident_id", "INVALID_FORMAT"));
        add("resident_id with \\", row("a\\b"), rejected("a\\b", "resident_id", "INVALID_FORMAT"));
        add("resident_id with : (drive, stream)", row("C:x"), rejected("C:x", "resident_id", "INVALID_FORMAT"));
        add("resident_id starting with -", row("-R1"), rejected("-R1", "resident_id", "INVALID_FORMAT"));
        add("resident_id starting with _", row("_R1"), rejected("_R1", "resident_id", "INVALID_FORMAT"));
        add("resident_id of 33 characters", row("A".repeat(33)),
                rejected("A".repeat(33), "resident_id", "INVALID_FORMAT"));
        add("resident_id with a leading space", row(" ID_SPACE"),
                rejected(" ID_SPACE", "resident_id", "INVALID_FORMAT"));
        add("resident_id with a trailing space", row("ID_SPACE2 "),
                rejected("ID_SPACE2 ", "resident_id", "INVALID_FORMAT"));
        add("resident_id in full-width letters", row("ＲＥＳ１"), rejected("ＲＥＳ１", "resident_id", "INVALID_FORMAT"));
        add("resident_id =formula", row("=1+2"), rejected("=1+2", "resident_id", "INVALID_FORMAT"));
        add("resident_id +formula", row("+81-3-1234"), rejected("+81-3-1234", "resident_id", "INVALID_FORMAT"));
        add("resident_id @formula", row("@SUM(A1)"), rejected("@SUM(A1)", "resident_id", "INVALID_FORMAT"));
        add("resident_id starting with a tab", row("\tID_TAB"), rejected("\tID_TAB", "resident_id",
                "INVALID_FORMAT"));
        add("resident_id with NUL", row("ID\0NUL"), rejected("ID\uFFFDNUL", "resident_id", "INVALID_FORMAT"));
        add("resident_id with a quoted line break", row("ID\nLF"), rejected("ID\nLF", "resident_id",
                "INVALID_FORMAT"));
        add("resident_id starting with a quoted CR (read as LF)", row("\rID_CR"), rejected("\nID_CR", "resident_id",
                "INVALID_FORMAT"));
        add("resident_id with a zero-width space", row("ID_ZW\u200B"), rejected("ID_ZW\u200B", "resident_id",
                "INVALID_FORMAT"));
        add("resident_id with a BOM in front", row("\uFEFFID_BOM"), rejected("\uFEFFID_BOM", "resident_id",
                "INVALID_FORMAT"));
        add("resident_id of 1 MB", row("A" + MB), rejected("A" + MB, "resident_id", "INVALID_FORMAT"));
        add("resident_id CON (Windows device name) is valid", row("CON"), LETTER);
        add("resident_id NUL (Windows device name) is valid", row("NUL"), LETTER);
        add("resident_id LPT1 (Windows device name) is valid", row("LPT1"), LETTER);
        add("resident_id of 32 characters is valid", row("B".repeat(32)), LETTER);
        add("resident_id with - and _ inside is valid", row("9-a_Z"), LETTER);
        ALL.add(new RowCase("resident_id repeating an earlier row's", List.of("DUP1"),
                row("DUP1", "name", "重複 花子"), rejected("DUP1", "resident_id", "DUPLICATE_ID")));

        // ---- name (required, 1-100, no control characters) and name_kana (<= 100)
        add("name empty", row("N_EMPTY", "name", ""), rejected("N_EMPTY", "name", "MISSING_VALUE"));
        add("name of spaces", row("N_BLANK", "name", "   "), rejected("N_BLANK", "name", "MISSING_VALUE"));
        add("name of an ideographic space", row("N_BLANK2", "name", "\u3000"),
                rejected("N_BLANK2", "name", "MISSING_VALUE"));
        add("name of 101 characters", row("N_101", "name", "あ".repeat(101)), rejected("N_101", "name", "TOO_LONG"));
        add("name of 100 characters is valid", row("N_100", "name", "あ".repeat(100)), LETTER);
        add("name of 1 MB", row("N_MB", "name", MB), rejected("N_MB", "name", "TOO_LONG"));
        add("name with a tab", row("N_TAB", "name", "豊島\t花子"), rejected("N_TAB", "name", "CONTROL_CHARACTER"));
        add("name with NUL", row("N_NUL", "name", "豊島\0花子"), rejected("N_NUL", "name", "CONTROL_CHARACTER"));
        add("name with a quoted line break", row("N_LF", "name", "豊島\n花子"),
                rejected("N_LF", "name", "CONTROL_CHARACTER"));
        add("name with a quoted CR", row("N_CR", "name", "豊島\r花子"), rejected("N_CR", "name", "CONTROL_CHARACTER"));
        add("name with BEL", row("N_BEL", "name", "豊島\u0007花子"), rejected("N_BEL", "name", "CONTROL_CHARACTER"));
        add("name with DEL", row("N_DEL", "name", "豊島\u007F花子"), rejected("N_DEL", "name", "CONTROL_CHARACTER"));
        add("name with NEL (C1 control)", row("N_NEL", "name", "豊島\u0085花子"),
                rejected("N_NEL", "name", "CONTROL_CHARACTER"));
        add("name with U+2028 line separator", row("N_LS", "name", "豊島\u2028花子"),
                rejected("N_LS", "name", "CONTROL_CHARACTER"));
        add("name with quotes and a comma is valid", row("N_QUOTE", "name", "SMITH \"JR\", JOHN"), LETTER);
        add("name the font cannot draw is held", row("N_GAIJI", "name", "𠮷田 一"),
                new Held("GLYPH_MISSING: U+20BB7"));
        add("name_kana of 101 characters", row("K_101", "name_kana", "ア".repeat(101)),
                rejected("K_101", "name_kana", "TOO_LONG"));
        add("name_kana with BEL", row("K_BEL", "name_kana", "ア\u0007"),
                rejected("K_BEL", "name_kana", "CONTROL_CHARACTER"));
        add("name_kana empty is valid", row("K_EMPTY", "name_kana", ""), LETTER);

        // ---- birth_date (required, real date yyyy-MM-dd or yyyy/MM/dd, not after R)
        add("birth_date empty", row("B_EMPTY", "birth_date", ""), rejected("B_EMPTY", "birth_date", "MISSING_VALUE"));
        for (String[] bad : new String[][] {
                {"B_FEB29", "2026-02-29", "not a leap year"},
                {"B_MONTH13", "2026-13-01", "month 13"},
                {"B_YEAR0", "0000-01-01", "year 0"},
                {"B_1872", "1872-12-31", "before the Gregorian calendar in Japan"},
                {"B_LEADSP", " 1985-12-20", "leading space"},
                {"B_TRAILSP", "1985-12-20 ", "trailing space"},
                {"B_FULLW", "１９８５-１２-２０", "full-width digits"},
                {"B_UNPAD", "1985-1-20", "month not zero-padded"},
                {"B_NOSEP", "19851220", "no separators"},
                {"B_DOTS", "1985.12.20", "dots"},
                {"B_MIXED", "1985-12/20", "mixed separators"},
                {"B_TIME", "1985-12-20T00:00", "with a time"},
                {"B_WAREKI", "S60-12-20", "Japanese era"},
                {"B_NUL", "1985-12-2\0", "NUL"},
                {"B_DMY", "20/12/1985", "day first"}}) {
            add("birth_date " + bad[2] + " (" + bad[1].replace("\0", "\\0") + ")", row(bad[0], "birth_date", bad[1]),
                    rejected(bad[0], "birth_date", "INVALID_DATE"));
        }
        add("birth_date after the run date", row("B_FUTURE", "birth_date", "2026-11-25"),
                rejected("B_FUTURE", "birth_date", "BIRTH_AFTER_RUN_DATE"));
        add("birth_date with slashes is valid", row("B_SLASH", "birth_date", "1985/12/20"), LETTER);

        // ---- postal_code (required, 1234567 or 123-4567)
        add("postal_code empty", row("P_EMPTY", "postal_code", ""),
                rejected("P_EMPTY", "postal_code", "MISSING_VALUE"));
        add("postal_code of 8 digits", row("P_8", "postal_code", "17000130"),
                rejected("P_8", "postal_code", "INVALID_FORMAT"));
        add("postal_code in full-width digits", row("P_FULLW", "postal_code", "１７００００１３"),
                rejected("P_FULLW", "postal_code", "INVALID_FORMAT"));
        add("postal_code with a space", row("P_SPACE", "postal_code", "170 0013"),
                rejected("P_SPACE", "postal_code", "INVALID_FORMAT"));
        add("postal_code with 〒", row("P_MARK", "postal_code", "〒170-0013"),
                rejected("P_MARK", "postal_code", "INVALID_FORMAT"));
        add("postal_code without hyphen is valid", row("P_PLAIN", "postal_code", "1700013"), LETTER);

        // ---- address (town required 1-100, block and building <= 100, no control characters)
        add("address_town empty", row("A_EMPTY", "address_town", ""),
                rejected("A_EMPTY", "address_town", "MISSING_VALUE"));
        add("address_town of 101 characters", row("A_101", "address_town", "町".repeat(101)),
                rejected("A_101", "address_town", "TOO_LONG"));
        add("address_block with a quoted line break", row("A_LF", "address_block", "1丁目\r\n2番3号"),
                rejected("A_LF", "address_block", "CONTROL_CHARACTER"));
        add("address_building of 1 MB", row("A_MB", "address_building", MB),
                rejected("A_MB", "address_building", "TOO_LONG"));
        add("address_building with U+2029", row("A_PS", "address_building", "ハイツ\u2029101"),
                rejected("A_PS", "address_building", "CONTROL_CHARACTER"));

        // ---- card_expires_on (required date)
        add("card_expires_on empty", row("C_EMPTY", "card_expires_on", ""),
                rejected("C_EMPTY", "card_expires_on", "MISSING_VALUE"));
        add("card_expires_on 30 February", row("C_FEB30", "card_expires_on", "2031-02-30"),
                rejected("C_FEB30", "card_expires_on", "INVALID_DATE"));
        add("card_expires_on of 1 MB", row("C_MB", "card_expires_on", MB),
                rejected("C_MB", "card_expires_on", "INVALID_DATE"));
        add("card expired is valid, not due", row("C_EXPIRED", "card_expires_on", "2026-11-23"),
                new NotDue("CARD_EXPIRED"));

        // ---- the certificates: each rule of §1 for SIGN, then for AUTH
        certificateRules("S", "sign");
        certificateRules("T", "auth");
        add("sign_cert_status revoked is valid (AUTH alone due)", row("S_REVOKED", "sign_cert_status", "REVOKED"),
                new Letter("1700013,2026-12-20,AUTH,OWN_LIMIT"));
        add("no certificate at all is valid, not due", row("NO_CERT", "sign_cert_issued_on", "",
                "sign_cert_status", "", "auth_cert_issued_on", "", "auth_cert_status", ""),
                new NotDue("NO_CERTIFICATE"));

        // ---- hold_mail (true/false/1/0/empty)
        add("hold_mail yes", row("H_YES", "hold_mail", "yes"), rejected("H_YES", "hold_mail", "INVALID_VALUE"));
        add("hold_mail TRUE is held", row("H_TRUE", "hold_mail", "TRUE"), new Held("HOLD_MAIL"));
        add("hold_mail 1 is held", row("H_ONE", "hold_mail", "1"), new Held("HOLD_MAIL"));
        add("hold_mail 0 is valid", row("H_ZERO", "hold_mail", "0"), LETTER);

        // ---- field count and CSV shape
        String good = row("F_SHORT");
        add("15 fields", good.substring(0, good.lastIndexOf(',')), rejected("F_SHORT", "", "FIELD_COUNT"));
        add("17 fields (trailing comma)", row("F_LONG") + ",", rejected("F_LONG", "", "FIELD_COUNT"));
        add("a single field", "F_LONELY", rejected("F_LONELY", "", "FIELD_COUNT"));
        add("only spaces", "   ", rejected("   ", "", "FIELD_COUNT"));
        add("only commas (16 empty fields)", ",".repeat(15), rejected("", "resident_id", "MISSING_VALUE"));
        add("a quote inside an unquoted field", row("F_QUOTE").replace(",1丁目2番3号,", ",1丁目\"2\"番,"), LETTER);
        add("semicolons instead of commas", row("F_SEMI").replace(',', ';'), rejected(row("F_SEMI").replace(',', ';'),
                "", "FIELD_COUNT"));
    }

    /** The §1 certificate rules for one kind ({@code sign} or {@code auth}); ids start with {@code p}. */
    private static void certificateRules(String p, String kind) {
        String issued = kind + "_cert_issued_on";
        String expires = kind + "_cert_expires_on";
        String status = kind + "_cert_status";
        String k = kind.toUpperCase() + " ";
        add(k + "issue date not a date", row(p + "_BADISSUE", issued, "2021-02-29"),
                rejected(p + "_BADISSUE", issued, "INVALID_DATE"));
        add(k + "issue date before birth_date", row(p + "_BEFOREBIRTH", issued, "1985-12-19"),
                rejected(p + "_BEFOREBIRTH", issued, "ISSUE_BEFORE_BIRTH"));
        add(k + "issue date after the run date", row(p + "_AFTERRUN", issued, "2026-11-25"),
                rejected(p + "_AFTERRUN", issued, "ISSUE_AFTER_RUN_DATE"));
        // the other kind's certificate is left out, so that this one is the first at fault
        String other = kind.equals("sign") ? "auth" : "sign";
        add(k + "issue date after card_expires_on", row(p + "_AFTERCARD", "card_expires_on", "2021-12-20",
                        other + "_cert_issued_on", "", other + "_cert_status", ""),
                rejected(p + "_AFTERCARD", issued, "ISSUE_AFTER_CARD_EXPIRY"));
        add(k + "recorded expiry equal to the issue date", row(p + "_EXPEQ", expires, "2021-12-21"),
                rejected(p + "_EXPEQ", expires, "EXPIRY_NOT_AFTER_ISSUE"));
        add(k + "recorded expiry before the issue date", row(p + "_EXPBEFORE", expires, "2021/12/20"),
                rejected(p + "_EXPBEFORE", expires, "EXPIRY_NOT_AFTER_ISSUE"));
        add(k + "recorded expiry not a date", row(p + "_BADEXP", expires, "2026-12-32"),
                rejected(p + "_BADEXP", expires, "INVALID_DATE"));
        add(k + "status without issue date", row(p + "_STATUSONLY", issued, ""),
                rejected(p + "_STATUSONLY", status, "MISSING_ISSUE_DATE"));
        add(k + "recorded expiry without issue date", row(p + "_EXPONLY", issued, "", status, "",
                expires, "2026-12-20"), rejected(p + "_EXPONLY", expires, "MISSING_ISSUE_DATE"));
        add(k + "issue date without status", row(p + "_NOSTATUS", status, ""),
                rejected(p + "_NOSTATUS", status, "MISSING_STATUS"));
        add(k + "status unknown", row(p + "_BADSTATUS", status, "unknown"),
                rejected(p + "_BADSTATUS", status, "INVALID_VALUE"));
        add(k + "status with a trailing space", row(p + "_STATUSSP", status, "active "),
                rejected(p + "_STATUSSP", status, "INVALID_VALUE"));
        add(k + "status in Japanese", row(p + "_STATUSJA", status, "有効"),
                rejected(p + "_STATUSJA", status, "INVALID_VALUE"));
    }

    static List<RowCase> all() {
        return List.copyOf(ALL);
    }
}
