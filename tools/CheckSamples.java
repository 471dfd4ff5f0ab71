import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Independent check of a sample registry: validates rows as interfaces.md §1 says (rejects are counted by reason),
 * computes certificate expiries and due residents as domain.md §2–§3 say, and prints the number of residents due
 * (excluding rejected rows and hold_mail) for every step-th day over the span.
 *
 * <p>{@code java tools/CheckSamples.java [--input=input-samples/registry.csv] [--encoding=UTF-8]
 * [--from=2026-11-24] [--years=5] [--step=7] [--min-due=12] [--expect-bad=8] [--quiet]}
 *
 * <p>Exit 0 when every date has at least min-due residents due and (if given) the number of rejected rows equals
 * expect-bad; exit 1 otherwise.
 */
public class CheckSamples {

    record Window(LocalDate opens, LocalDate expiry) { }

    record Resident(String id, LocalDate birth, LocalDate card, boolean hold, List<Window> windows) { }

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final Pattern POSTAL = Pattern.compile("\\d{7}|\\d{3}-\\d{4}");
    static final String[] REQUIRED = {"resident_id", "name", "birth_date", "postal_code", "address_town", "card_expires_on"};

    public static void main(String[] args) throws IOException {
        Path input = Path.of("input-samples/registry.csv");
        Charset cs = StandardCharsets.UTF_8;
        LocalDate from = LocalDate.of(2026, 11, 24);
        int years = 5, step = 7, minDue = 12, expectBad = -1;
        boolean quiet = false;
        for (String a : args) {
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            if (a.startsWith("--input=")) input = Path.of(v);
            else if (a.startsWith("--encoding=")) cs = Charset.forName(v);
            else if (a.startsWith("--from=")) from = LocalDate.parse(v);
            else if (a.startsWith("--years=")) years = Integer.parseInt(v);
            else if (a.startsWith("--step=")) step = Integer.parseInt(v);
            else if (a.startsWith("--min-due=")) minDue = Integer.parseInt(v);
            else if (a.startsWith("--expect-bad=")) expectBad = Integer.parseInt(v);
            else if (a.equals("--quiet")) quiet = true;
            else {
                System.err.println("unknown argument " + a);
                System.exit(2);
            }
        }
        String text = Files.readString(input, cs);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        parseCsv(text, records, startLines);

        List<String> header = records.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        for (String req : REQUIRED) {
            if (!col.containsKey(req)) {
                System.err.println("missing required column " + req);
                System.exit(2);
            }
        }
        // rejection uses R = from: the sample is meant to be run with --run-date=from (later dates only relax it)
        LocalDate runDate = from;
        Set<String> seen = new HashSet<>();
        Map<String, Integer> rejects = new TreeMap<>();
        List<Resident> residents = new ArrayList<>();
        Map<String, Integer> stats = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            String why = null;
            Resident res = null;
            if (f.size() != header.size()) {
                why = "field count " + f.size() + " != " + header.size();
            } else {
                Row row = new Row(f, col);
                try {
                    res = validate(row, seen, runDate, stats);
                } catch (Reject e) {
                    why = e.getMessage();
                }
            }
            if (why != null) {
                rejects.merge(why, 1, Integer::sum);
                if (!quiet) System.out.println("reject line " + startLines.get(r) + ": " + why);
            } else {
                residents.add(res);
            }
        }
        int rejected = rejects.values().stream().mapToInt(Integer::intValue).sum();
        int held = (int) residents.stream().filter(Resident::hold).count();

        System.out.println("data rows: " + (records.size() - 1) + ", valid: " + residents.size() + ", rejected: "
                + rejected + ", hold_mail among valid: " + held);
        rejects.forEach((k, v) -> System.out.println("  rejected " + v + " x " + k));
        stats.forEach((k, v) -> System.out.println("  " + k + ": " + v));

        LocalDate end = from.plusYears(years);
        int min = Integer.MAX_VALUE, max = 0, dates = 0, failing = 0;
        LocalDate minDate = null, maxDate = null;
        long sum = 0;
        for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(step)) {
            int due = 0;
            for (Resident res : residents) {
                if (res.hold() || res.card().isBefore(d)) continue;
                for (Window w : res.windows()) {
                    if (!d.isBefore(w.opens()) && !d.isAfter(w.expiry())) {
                        due++;
                        break;
                    }
                }
            }
            if (!quiet) System.out.println(d + " due " + due + (due < minDue ? "  << below " + minDue : ""));
            dates++;
            sum += due;
            if (due < minDue) failing++;
            if (due < min) {
                min = due;
                minDate = d;
            }
            if (due > max) {
                max = due;
                maxDate = d;
            }
        }
        System.out.printf("dates checked: %d (every %d days %s..%s), due min %d (%s), max %d (%s), mean %.1f%n",
                dates, step, from, end, min, minDate, max, maxDate, (double) sum / dates);
        boolean ok = failing == 0;
        if (!ok) System.out.println("FAIL: " + failing + " dates with fewer than " + minDue + " residents due");
        if (expectBad >= 0 && rejected != expectBad) {
            System.out.println("FAIL: expected " + expectBad + " rejected rows, found " + rejected);
            ok = false;
        }
        System.out.println(ok ? "OK" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------- validation (interfaces.md §1)
    static final class Reject extends Exception {
        Reject(String m) {
            super(m, null, false, false);
        }
    }

    record Row(List<String> f, Map<String, Integer> col) {
        String get(String name) {
            Integer i = col.get(name);
            return i == null ? "" : f.get(i).trim();
        }
    }

    static LocalDate date(String column, String v, boolean required) throws Reject {
        if (v.isEmpty()) {
            if (required) throw new Reject(column + " empty");
            return null;
        }
        try {
            return LocalDate.parse(v, v.contains("/") ? SLASH : ISO);
        } catch (Exception e) {
            throw new Reject(column + " not a date");
        }
    }

    static Resident validate(Row row, Set<String> seen, LocalDate runDate, Map<String, Integer> stats) throws Reject {
        String id = row.get("resident_id");
        if (id.isEmpty()) throw new Reject("resident_id empty");
        if (!ID.matcher(id).matches()) throw new Reject("resident_id malformed");
        String name = row.get("name");
        if (name.isEmpty()) throw new Reject("name empty");
        if (name.codePointCount(0, name.length()) > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new Reject("name malformed");
        }
        LocalDate birth = date("birth_date", row.get("birth_date"), true);
        if (birth.isAfter(runDate)) throw new Reject("birth_date after run date");
        if (!POSTAL.matcher(row.get("postal_code")).matches()) throw new Reject("postal_code malformed");
        String town = row.get("address_town");
        if (town.isEmpty() || town.length() > 100) throw new Reject("address_town empty/long");
        LocalDate card = date("card_expires_on", row.get("card_expires_on"), true);
        String hold = row.get("hold_mail").toLowerCase(Locale.ROOT);
        if (!Set.of("", "true", "false", "1", "0").contains(hold)) throw new Reject("hold_mail malformed");

        Cert auth = cert(row, "auth", birth, card, runDate);
        Cert sign = cert(row, "sign", birth, card, runDate);
        if (!seen.add(id)) throw new Reject("resident_id duplicate");

        // domain.md §2: AUTH = min(own, card); SIGN = min(own, card, active AUTH's expiry); revoked ignored
        List<Window> windows = new ArrayList<>();
        LocalDate authExpiry = null;
        if (auth != null && auth.active) {
            authExpiry = min(auth.ownLimit(birth), card);
            windows.add(new Window(authExpiry.minusMonths(3).plusDays(1), authExpiry));
            count(stats, "AUTH reason " + (card.isAfter(auth.ownLimit(birth)) ? "OWN_LIMIT" : "CARD_EXPIRY"));
        }
        if (sign != null && sign.active) {
            LocalDate own = sign.ownLimit(birth);
            LocalDate e = min(own, card);
            String reason = !card.isAfter(own) ? "CARD_EXPIRY" : "OWN_LIMIT";
            if (authExpiry != null && authExpiry.isBefore(e)) {
                e = authExpiry;
                reason = "AUTH_CERT_EXPIRY";
            }
            windows.add(new Window(e.minusMonths(3).plusDays(1), e));
            count(stats, "SIGN reason " + reason);
        }
        // statistics for the report
        if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29) count(stats, "born 29 Feb");
        if (birth.plusYears(15).isAfter(runDate)) count(stats, "under 15 on " + runDate);
        if (row.get("postal_code").replace("-", "").endsWith("0000")) count(stats, "representative postal code");
        if (!row.get("sign_cert_expires_on").isEmpty() || !row.get("auth_cert_expires_on").isEmpty()) {
            count(stats, "with a recorded *_cert_expires_on");
        }
        if (sign == null && auth == null) count(stats, "no certificate");
        else if (sign == null) count(stats, "AUTH only");
        if (sign != null && !sign.active) count(stats, "SIGN revoked");
        if (card.isBefore(runDate)) count(stats, "card expired on " + runDate);
        if (row.f().stream().anyMatch(s -> s.contains(",") || s.contains("\""))) count(stats, "rows with a quoted field");
        if (windows.isEmpty()) count(stats, "no active certificate");
        return new Resident(id, birth, card, hold.equals("true") || hold.equals("1"), windows);
    }

    static void count(Map<String, Integer> stats, String key) {
        stats.merge(key, 1, Integer::sum);
    }

    record Cert(LocalDate issued, LocalDate recorded, boolean active) {
        LocalDate ownLimit(LocalDate birth) {
            if (recorded != null) return recorded;
            // 5th birthday strictly after the issue date; 29 Feb -> 28 Feb in common years (FEB_28)
            int y = issued.getYear();
            if (!birthday(birth, y).isAfter(issued)) y++;
            return birthday(birth, y + 4);
        }
    }

    static LocalDate birthday(LocalDate birth, int year) {
        if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return LocalDate.of(year, birth.getMonthValue(), birth.getDayOfMonth());
    }

    static Cert cert(Row row, String kind, LocalDate birth, LocalDate card, LocalDate runDate) throws Reject {
        String p = kind + "_cert_";
        LocalDate issued = date(p + "issued_on", row.get(p + "issued_on"), false);
        LocalDate recorded = date(p + "expires_on", row.get(p + "expires_on"), false);
        String status = row.get(p + "status");
        if (issued == null) {
            if (!status.isEmpty() || recorded != null) throw new Reject(p + "status/expires_on without issue date");
            return null;
        }
        if (status.isEmpty()) throw new Reject(p + "issued_on without status");
        if (!status.equals("active") && !status.equals("revoked")) throw new Reject(p + "status invalid");
        if (issued.isBefore(birth)) throw new Reject(p + "issued_on before birth_date");
        if (issued.isAfter(runDate)) throw new Reject(p + "issued_on after run date");
        if (issued.isAfter(card)) throw new Reject(p + "issued_on after card_expires_on");
        if (recorded != null && !recorded.isAfter(issued)) throw new Reject(p + "expires_on not after issue");
        return new Cert(issued, recorded, status.equals("active"));
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- RFC 4180 parsing
    static void parseCsv(String s, List<List<String>> records, List<Integer> startLines) {
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, start = 1, i = 0, n = s.length();
        boolean inQuotes = false, any = false;
        while (i < n) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
                any = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                if (any || field.length() > 0) {
                    rec.add(field.toString());
                    records.add(rec);
                    startLines.add(start);
                }
                rec = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                field.append(c);
                any = true;
            }
            i++;
        }
        if (any || field.length() > 0) {
            rec.add(field.toString());
            records.add(rec);
            startLines.add(start);
        }
    }
}
