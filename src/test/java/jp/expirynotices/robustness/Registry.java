package jp.expirynotices.robustness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds registry CSV text for the bad-input catalogue: the header of interfaces.md §1 and rows that start from a
 * resident who is due on {@link #RUN_DATE} and are changed column by column.
 */
final class Registry {

    static final String RUN_DATE = "2026-11-24";
    static final List<String> COLUMNS = List.of("resident_id", "name", "name_kana", "birth_date", "postal_code",
            "address_town", "address_block", "address_building", "card_expires_on", "sign_cert_issued_on",
            "sign_cert_expires_on", "sign_cert_status", "auth_cert_issued_on", "auth_cert_expires_on",
            "auth_cert_status", "hold_mail");
    static final String HEADER = String.join(",", COLUMNS);
    /**
     * What the manifest says of a {@link #row} left as it is: both certificates issued 2021-12-21 end on the 5th
     * birthday after issue, 2026-12-20, whose window opened on 2026-09-21 (domain.md §2-3).
     */
    static final String DUE_AS = "1700013,2026-12-20,AUTH;SIGN,OWN_LIMIT";

    private Registry() {
    }

    /** The values of a resident due on {@link #RUN_DATE} with a letter, by column. */
    static Map<String, String> dueResident(String id) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("resident_id", id);
        v.put("name", "豊島 花子");
        v.put("name_kana", "トシマ ハナコ");
        v.put("birth_date", "1985-12-20");
        v.put("postal_code", "170-0013");
        v.put("address_town", "東京都豊島区東池袋");
        v.put("address_block", "1丁目2番3号");
        v.put("address_building", "");
        v.put("card_expires_on", "2031-12-20");
        v.put("sign_cert_issued_on", "2021-12-21");
        v.put("sign_cert_expires_on", "");
        v.put("sign_cert_status", "active");
        v.put("auth_cert_issued_on", "2021-12-21");
        v.put("auth_cert_expires_on", "");
        v.put("auth_cert_status", "active");
        v.put("hold_mail", "");
        return v;
    }

    /** One CSV row (no line end): the due resident {@code id}, changed by {@code column, value} pairs. */
    static String row(String id, String... overrides) {
        Map<String, String> v = dueResident(id);
        for (int i = 0; i < overrides.length; i += 2) {
            if (!v.containsKey(overrides[i])) {
                throw new IllegalArgumentException("no column " + overrides[i]);
            }
            v.put(overrides[i], overrides[i + 1]);
        }
        List<String> fields = new ArrayList<>();
        for (String f : v.values()) {
            fields.add(quote(f));
        }
        return String.join(",", fields);
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** Line breaks as the reader counts them: CR LF, LF or a lone CR each end one line. */
    static int lineBreaks(CharSequence s) {
        return RegistryFuzzTest.lineBreaks(s);
    }
}
