import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic resident registry generator for expiry-notices (interfaces.md §1).
 *
 * <p>Run with: {@code java tools/RegistryGenerator.java [--seed=N] [--rows=N] [--bad-rows=N] [--out=PATH]
 * [--encoding=UTF-8|Windows-31J] [--from=YYYY-MM-DD] [--years=N] [--due-share=F]}. See tools/README.md.
 *
 * <p>Deterministic: valid row j depends only on (seed, j, rows, from, years, due-share, encoding); bad row k only on
 * (seed, k, ...). Streams rows, so memory use does not grow with --rows.
 *
 * <p>All data is invented. Names are common Japanese family/given names combined at random.
 */
public class RegistryGenerator {

    static final String[] HEADER = {
        "resident_id", "name", "name_kana", "birth_date", "postal_code", "address_town", "address_block",
        "address_building", "card_expires_on", "sign_cert_issued_on", "sign_cert_expires_on", "sign_cert_status",
        "auth_cert_issued_on", "auth_cert_expires_on", "auth_cert_status", "hold_mail"
    };
    static final int ID = 0, NAME = 1, KANA = 2, BIRTH = 3, POSTAL = 4, TOWN = 5, BLOCK = 6, BUILDING = 7,
            CARD = 8, S_ISS = 9, S_EXP = 10, S_ST = 11, A_ISS = 12, A_EXP = 13, A_ST = 14, HOLD = 15;

    static final int BAD_KINDS = 13;
    static final String[] BAD_KIND_NAMES = {
        "empty resident_id", "malformed resident_id", "duplicate resident_id", "empty name",
        "invalid date 2026-02-30", "invalid postal code", "issue date before birth date",
        "status without issue date", "issue date without status", "recorded expiry not after issue",
        "wrong field count", "birth date in the future", "unknown status"
    };

    // ---------------------------------------------------------------- data pools
    // {kanji, katakana}
    static final String[][] SURNAMES = {
        {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
        {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
        {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
        {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
        {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"},
        {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"石井", "イシイ"}, {"小川", "オガワ"},
        {"前田", "マエダ"}, {"岡田", "オカダ"}, {"長谷川", "ハセガワ"}, {"藤田", "フジタ"}, {"後藤", "ゴトウ"},
        {"近藤", "コンドウ"}, {"村上", "ムラカミ"}, {"遠藤", "エンドウ"}, {"青木", "アオキ"}, {"坂本", "サカモト"},
        {"福田", "フクダ"}, {"太田", "オオタ"}, {"西村", "ニシムラ"}, {"藤井", "フジイ"}, {"金子", "カネコ"},
        {"岡本", "オカモト"}, {"藤原", "フジワラ"}, {"中野", "ナカノ"}, {"三浦", "ミウラ"}, {"原田", "ハラダ"},
        {"松田", "マツダ"}, {"竹内", "タケウチ"}, {"小野", "オノ"}, {"田村", "タムラ"}, {"中山", "ナカヤマ"},
        {"和田", "ワダ"}, {"石田", "イシダ"}, {"森田", "モリタ"}, {"上田", "ウエダ"}, {"原", "ハラ"},
        {"内田", "ウチダ"}, {"柴田", "シバタ"}, {"酒井", "サカイ"}, {"宮崎", "ミヤザキ"}, {"横山", "ヨコヤマ"},
        {"高木", "タカギ"}, {"安藤", "アンドウ"}, {"宮本", "ミヤモト"}, {"大野", "オオノ"}, {"小島", "コジマ"},
        {"工藤", "クドウ"}, {"谷口", "タニグチ"}, {"今井", "イマイ"}, {"高田", "タカダ"}, {"丸山", "マルヤマ"},
        {"増田", "マスダ"}, {"杉山", "スギヤマ"}, {"村田", "ムラタ"}, {"大塚", "オオツカ"}, {"新井", "アライ"},
        {"小山", "コヤマ"}, {"平野", "ヒラノ"}, {"藤本", "フジモト"}, {"河野", "コウノ"}, {"上野", "ウエノ"},
        {"野口", "ノグチ"}, {"武田", "タケダ"}, {"松井", "マツイ"}, {"千葉", "チバ"}, {"岩崎", "イワサキ"},
        {"菅原", "スガワラ"}, {"木下", "キノシタ"}, {"久保", "クボ"}, {"佐野", "サノ"}, {"野村", "ノムラ"},
        {"松尾", "マツオ"}, {"市川", "イチカワ"}, {"菊地", "キクチ"}, {"杉本", "スギモト"}, {"古川", "フルカワ"},
        {"大西", "オオニシ"}, {"島田", "シマダ"}, {"水野", "ミズノ"}, {"桜井", "サクライ"}, {"高野", "タカノ"},
        {"五十嵐", "イガラシ"}, {"東", "アズマ"}, {"服部", "ハットリ"}, {"関", "セキ"}, {"久保田", "クボタ"},
        {"渡邊", "ワタナベ"}, {"齋藤", "サイトウ"}, {"髙橋", "タカハシ"}, {"山﨑", "ヤマザキ"}, {"𠮷田", "ヨシダ"},
    };
    static final String[][] GIVEN_NAMES = {
        {"太郎", "タロウ"}, {"一郎", "イチロウ"}, {"健", "ケン"}, {"翔", "ショウ"}, {"大輔", "ダイスケ"},
        {"拓也", "タクヤ"}, {"直樹", "ナオキ"}, {"誠", "マコト"}, {"浩", "ヒロシ"}, {"隆", "タカシ"},
        {"茂", "シゲル"}, {"清", "キヨシ"}, {"蓮", "レン"}, {"陽翔", "ハルト"}, {"湊", "ミナト"},
        {"悠真", "ユウマ"}, {"翔太", "ショウタ"}, {"健太", "ケンタ"}, {"和也", "カズヤ"}, {"達也", "タツヤ"},
        {"修", "オサム"}, {"勇", "イサム"}, {"進", "ススム"}, {"颯太", "ソウタ"}, {"樹", "イツキ"},
        {"花子", "ハナコ"}, {"陽子", "ヨウコ"}, {"恵子", "ケイコ"}, {"幸子", "サチコ"}, {"洋子", "ヨウコ"},
        {"裕子", "ユウコ"}, {"美穂", "ミホ"}, {"愛", "アイ"}, {"彩", "アヤ"}, {"由美", "ユミ"},
        {"真由美", "マユミ"}, {"明美", "アケミ"}, {"久美子", "クミコ"}, {"陽菜", "ヒナ"}, {"結衣", "ユイ"},
        {"葵", "アオイ"}, {"凛", "リン"}, {"芽依", "メイ"}, {"美咲", "ミサキ"}, {"さくら", "サクラ"},
        {"千尋", "チヒロ"}, {"奈々", "ナナ"}, {"智子", "トモコ"}, {"和子", "カズコ"}, {"節子", "セツコ"},
    };
    // foreign residents registered in Latin letters (as on the residence card), with the reading
    static final String[][] LATIN_NAMES = {
        {"SMITH JOHN", "スミス ジョン"}, {"NGUYEN VAN AN", "グエン ヴァン アン"}, {"TRAN THI HOA", "チャン ティ ホア"},
        {"WANG XIAOMING", "ワン シャオミン"}, {"KIM MINJUN", "キム ミンジュン"}, {"PARK JIYEON", "パク ジヨン"},
        {"GURUNG RAM BAHADUR", "グルン ラム バハドゥル"}, {"SHRESTHA SITA", "シュレスタ シタ"},
        {"GARCIA MARIA", "ガルシア マリア"}, {"BROWN EMILY", "ブラウン エミリー"}, {"O'BRIEN SEAN", "オブライエン ショーン"},
        {"DE LA CRUZ JOSE", "デ ラ クルス ホセ"}, {"PHAM MINH DUC", "ファム ミン ドゥック"},
        {"ZHANG WEI", "チャン ウェイ"}, {"ROSSI MARCO", "ロッシ マルコ"}, {"MULLER ANNA", "ミュラー アンナ"},
    };
    // foreign residents registered in katakana or in kanji (Chinese names)
    static final String[][] OTHER_NAMES = {
        {"グエン ティ ラン", "グエン ティ ラン"}, {"タパ マガル スニル", "タパ マガル スニル"}, {"リー メイリン", "リー メイリン"},
        {"王 偉", "ワン ウェイ"}, {"李 明", "リ ミン"}, {"張 静", "チャン ジン"}, {"陳 麗", "チェン リー"},
        {"劉 洋", "リュウ ヤン"},
    };
    // {town, postal code, number of 丁目}
    static final String[][] TOWNS = {
        {"南池袋", "1710022", "4"}, {"東池袋", "1700013", "5"}, {"西池袋", "1710021", "5"}, {"池袋", "1710014", "4"},
        {"池袋本町", "1700011", "4"}, {"上池袋", "1700012", "4"}, {"北大塚", "1700004", "3"},
        {"南大塚", "1700005", "3"}, {"巣鴨", "1700002", "5"}, {"西巣鴨", "1700001", "4"}, {"駒込", "1700003", "7"},
        {"目白", "1710031", "5"}, {"南長崎", "1710052", "6"}, {"長崎", "1710051", "6"}, {"千早", "1710044", "4"},
        {"要町", "1710043", "3"}, {"高田", "1710033", "3"}, {"雑司が谷", "1710032", "3"}, {"千川", "1710041", "2"},
    };
    static final String[] BUILDINGS = {
        "サンシャインマンション", "ABCビル", "コーポ池袋", "メゾン目白", "ハイツさくら", "パークハウス南池袋",
        "グランドメゾン雑司が谷", "ライオンズマンション大塚", "第二巣鴨荘", "シティハイツ要町", "クレストコート千早",
        "リバーサイド長崎", "ルミエール駒込", "ヴィラ高田", "池袋グリーンハイツ", "Tokyo Residence East",
    };

    // ---------------------------------------------------------------- options
    long seed = 20261124L;
    long rows = 400;
    long badRows = 0;
    String out = null;
    Charset charset = StandardCharsets.UTF_8;
    LocalDate from = LocalDate.of(2026, 11, 24);
    int years = 5;
    double dueShare = -1;      // < 0: even spread (the default); else the share of targets in the first window

    // ---------------------------------------------------------------- derived
    String[][] surnames, givenNames, latinNames, otherNames;
    String[] buildings;
    LocalDate targetEnd;       // targets are spread over [from, targetEnd)
    long spanDays;
    long multiplier;           // slot permutation: slot = j * multiplier mod rows
    long windowDays;           // --due-share: targets of the first dueSlots slots lie in [from, from + windowDays)
    long dueSlots;
    final StringBuilder sb = new StringBuilder(512);

    public static void main(String[] args) throws IOException {
        RegistryGenerator g = new RegistryGenerator();
        try {
            g.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("RegistryGenerator: " + e.getMessage());
            usage();
            System.exit(2);
        }
        long t0 = System.nanoTime();
        g.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (g.out != null) {
            System.err.printf("RegistryGenerator: wrote %d valid + %d bad rows to %s (%s) in %d ms%n",
                    g.rows, g.badRows, g.out, g.charset.name(), ms);
        }
    }

    static void usage() {
        System.err.println("usage: java tools/RegistryGenerator.java [--seed=N] [--rows=N] [--bad-rows=N] [--out=PATH]\n"
                + "         [--encoding=UTF-8|Windows-31J] [--from=YYYY-MM-DD] [--years=N] [--due-share=F]");
    }

    void parse(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                usage();
                System.exit(0);
            }
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) throw new IllegalArgumentException("bad argument: " + a);
            String k = a.substring(2, eq), v = a.substring(eq + 1);
            try {
                switch (k) {
                    case "seed" -> seed = Long.parseLong(v);
                    case "rows" -> rows = Long.parseLong(v);
                    case "bad-rows" -> badRows = Long.parseLong(v);
                    case "out" -> out = v.isEmpty() || v.equals("-") ? null : v;
                    case "encoding" -> charset = Charset.forName(v);
                    case "from" -> from = LocalDate.parse(v);
                    case "years" -> years = Integer.parseInt(v);
                    case "due-share" -> dueShare = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown option --" + k);
                }
            } catch (NumberFormatException | DateTimeParseException | java.nio.charset.UnsupportedCharsetException
                     | java.nio.charset.IllegalCharsetNameException e) {
                throw new IllegalArgumentException("bad value for --" + k + ": " + v);
            }
        }
        if (rows < 0 || badRows < 0) throw new IllegalArgumentException("--rows and --bad-rows must be >= 0");
        if (years < 1) throw new IllegalArgumentException("--years must be >= 1");
        if (dueShare != -1 && !(dueShare >= 0 && dueShare <= 1)) {
            throw new IllegalArgumentException("--due-share must be between 0 and 1");
        }
    }

    // ---------------------------------------------------------------- main loop
    void run() throws IOException {
        surnames = encodable(SURNAMES);
        givenNames = encodable(GIVEN_NAMES);
        latinNames = encodable(LATIN_NAMES);
        otherNames = encodable(OTHER_NAMES);
        buildings = BUILDINGS;
        // a run on from+years still needs certificates expiring up to 3 months later
        targetEnd = from.plusYears(years).plusMonths(3);
        spanDays = ChronoUnit.DAYS.between(from, targetEnd);
        multiplier = coprimeNear(rows, 0.6180339887498949);
        // Due on `from` means from <= E <= from + 3 months - 1 day; one day less keeps a margin for the rules.
        windowDays = ChronoUnit.DAYS.between(from, from.plusMonths(3)) - 1;
        dueSlots = dueShare < 0 ? 0 : Math.round(dueShare * rows);

        CharsetEncoder enc = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        OutputStream os = out == null ? System.out : new FileOutputStream(out);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(os, enc), 1 << 16)) {
            writeRow(w, HEADER, HEADER.length);
            long total = rows + badRows;
            long j = 0, k = 0;
            long nextBad = badRows > 0 ? badPosition(0, total) : Long.MAX_VALUE;
            String[] f = new String[HEADER.length];
            String lastValidId = null;
            for (long p = 0; p < total; p++) {
                String id = residentId(p + 1);
                int fields = HEADER.length;
                if (p == nextBad) {
                    fields = badRow(f, id, k, lastValidId);
                    k++;
                    nextBad = k < badRows ? badPosition(k, total) : Long.MAX_VALUE;
                } else {
                    validRow(f, id, j);
                    lastValidId = id;
                    j++;
                }
                writeRow(w, f, fields);
            }
        }
    }

    /**
     * --due-share: slots [0, dueSlots) spread evenly over the first window [from, from + windowDays), the others
     * evenly over the rest of the span, so a run on `from` finds about dueShare * rows residents with a due
     * certificate (less the ones without a certificate or with mail held, which sit on a grid of slots).
     */
    long dueShareDay(long slot, double u) {
        if (slot < dueSlots) return (long) ((slot + u) * windowDays / dueSlots);
        long rest = rows - dueSlots;
        return windowDays + (long) ((slot - dueSlots + u) * (spanDays - windowDays) / rest);
    }

    /** Data-row position (0-based) of bad row k: spread evenly, never first when there are valid rows. */
    long badPosition(long k, long total) {
        if (rows == 0) return k;
        return mulDiv(k + 1, total, badRows + 1);
    }

    static long coprimeNear(long n, double fraction) {
        if (n <= 2) return 1;
        long a = Math.max(1, Math.round(n * fraction));
        while (gcd(a, n) != 1) a++;
        return a % n;
    }

    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) return a * b / c;
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValue();
    }

    static long mulMod(long a, long b, long m) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) return a * b % m;
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(BigInteger.valueOf(m)).longValue();
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static String residentId(long n) {
        String s = Long.toString(n);
        return s.length() >= 7 ? "R" + s : "R" + "0000000".substring(s.length()) + s;
    }

    String[][] encodable(String[][] pool) {
        CharsetEncoder e = charset.newEncoder();
        List<String[]> ok = new ArrayList<>();
        for (String[] p : pool) {
            boolean all = true;
            for (String s : p) all &= e.canEncode(s);
            if (all) ok.add(p);
        }
        return ok.toArray(new String[0][]);
    }

    // ---------------------------------------------------------------- one valid resident
    static final int A_BOTH = 0, B_MINOR = 1, C_CARD_CAP = 2, D_RECORDED = 3, E_AUTH_ONLY = 4, F_NONE = 5,
            G_SIGN_REVOKED = 6, H_SIGN_REISSUED = 7;

    /** Fills f with a valid resident whose earliest certificate expiry is near the j-th stratified target. */
    void validRow(String[] f, String id, long j) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + j * 0xBF58476D1CE4E5B9L + 1);
        long slot = rows <= 1 ? 0 : mulMod(j, multiplier, rows);
        double u = r.nextDouble();
        long day = dueShare < 0 ? (long) ((slot + u) * spanDays / Math.max(1, rows)) : dueShareDay(slot, u);
        LocalDate target = from.plusDays(Math.min(day, spanDays - 1));
        // Residents who can never be due (no certificate, mail held) are placed on a regular grid of slots, so
        // that they never cluster in time: every 3-month window keeps about the same number of due residents.
        int pct = r.nextInt(96);
        int kind;
        if (slot % 25 == 12) kind = F_NONE;                 // 4 %
        else if (pct < 52) kind = A_BOTH;                   // 52 %
        else if (pct < 63) kind = B_MINOR;                  // 11 %
        else if (pct < 70) kind = C_CARD_CAP;               // 7 %
        else if (pct < 81) kind = D_RECORDED;               // 11 % (+ every target beyond from+5y)
        else if (pct < 86) kind = E_AUTH_ONLY;              // 5 %
        else if (pct < 91) kind = G_SIGN_REVOKED;           // 5 %
        else kind = H_SIGN_REISSUED;                        // 5 %
        boolean leapBorn = r.nextInt(100) < 2;
        resident(f, id, r, target, kind, leapBorn);
        boolean hold = slot % 33 == 20;                     // 3 %
        f[HOLD] = hold ? (r.nextBoolean() ? "true" : "1") : switch (r.nextInt(4)) {
            case 0 -> "false";
            case 1 -> "0";
            default -> "";
        };
    }

    void resident(String[] f, String id, SplittableRandom r, LocalDate target, int kind, boolean leapBorn) {
        LocalDate computedMax = from.plusYears(5);
        // targets past from+5y cannot come from a certificate issued on or before `from` by the 5-year rule;
        // J-LIS records renewals made inside the window, which run to the 6th birthday.
        if (target.isAfter(computedMax) && kind != F_NONE) kind = D_RECORDED;
        int m = target.getMonthValue(), d = target.getDayOfMonth();
        if (leapBorn || (m == 2 && d == 29)) {
            m = 2;
            d = 29;
        }
        int y = target.getYear();
        // keep E = birthday(y) within [from, ...] after snapping to a leap-day birth
        if (bday(m, d, y).isBefore(from)) y++;

        LocalDate birth, card, sIss = null, sExp = null, aIss = null, aExp = null;
        String sSt = "active", aSt = "active";
        boolean sign = true, auth = true;

        switch (kind) {
            case D_RECORDED -> {
                LocalDate z = bday(m, d, y - 5);
                LocalDate lo = z.minusMonths(3).plusDays(1), hi = min(z.minusDays(1), from);
                boolean renewal = r.nextInt(3) != 0;
                if (renewal && !lo.isAfter(hi)) {
                    // renewed inside the old certificate's window: recorded expiry = 6th birthday after issue
                    LocalDate iss = between(r, lo, hi);
                    birth = birthFor(m, d, iss, 19 + r.nextInt(70));
                    LocalDate rec = nthBirthdayAfter(birth, iss, 6);
                    card = nthBirthdayAfter(birth, iss, 6 + 1 + r.nextInt(4));
                    sIss = aIss = iss;
                    sExp = aExp = rec;
                } else if (!bday(m, d, y - 5).isAfter(from)) {
                    // recorded date equal to the computed one
                    LocalDate iss = between(r, bday(m, d, y - 5), min(bday(m, d, y - 4).minusDays(1), from));
                    birth = birthFor(m, d, iss, 19 + r.nextInt(70));
                    LocalDate rec = nthBirthdayAfter(birth, iss, 5);
                    card = nthBirthdayAfter(birth, iss, 10);
                    sIss = aIss = iss;
                    aExp = rec;
                    sExp = r.nextInt(4) == 0 ? null : rec;
                } else {
                    // beyond what the rules can produce from `from` (--years > 5): a plain recorded date
                    LocalDate iss = from.minusDays(r.nextInt(365));
                    birth = birthFor(m, d, iss, 19 + r.nextInt(70));
                    sIss = aIss = iss;
                    sExp = aExp = target;
                    card = target.plusYears(1 + r.nextInt(4));
                }
            }
            case C_CARD_CAP -> {
                // card issued 10 years before E; certificates renewed later, so the card's expiry caps them
                LocalDate lo = bday(m, d, y - 5), hi = min(from, bday(m, d, y));
                if (lo.isAfter(hi)) {
                    lo = from.minusYears(1);
                    hi = from;
                }
                LocalDate iss = between(r, lo, hi);
                birth = birthFor(m, d, bday(m, d, y - 10), 19 + r.nextInt(60));
                card = bday(birth, y);
                sIss = aIss = iss;
                if (r.nextInt(5) == 0) sign = false;
            }
            case F_NONE -> {
                LocalDate iss = between(r, from.minusYears(9), from);
                birth = birthFor(m, d, iss, 19 + r.nextInt(70));
                card = nthBirthdayAfter(birth, iss, 10);
                sign = auth = false;
            }
            default -> {
                // A, B, E, G, H: certificates issued with the card; E = 5th birthday strictly after issue
                LocalDate lo = bday(m, d, y - 5), hi = min(bday(m, d, y - 4).minusDays(1), from);
                if (lo.isAfter(hi)) {
                    lo = from.minusYears(1);
                    hi = from;
                }
                LocalDate iss = between(r, lo, hi);
                boolean minor = kind == B_MINOR;
                birth = birthFor(m, d, iss, minor ? r.nextInt(18) : 19 + r.nextInt(72));
                int ageAtIssue = age(birth, iss);
                if (!minor && ageAtIssue < 18) minor = true;
                card = nthBirthdayAfter(birth, iss, minor ? 5 : 10);
                sIss = aIss = iss;
                if (minor && ageAtIssue < 15) sign = false;   // signature certificates are not issued under 15
                switch (kind) {
                    case E_AUTH_ONLY -> sign = false;
                    case G_SIGN_REVOKED -> sSt = "revoked";
                    case H_SIGN_REISSUED -> {
                        // signature certificate re-issued after a move: its own limit is later, AUTH caps it
                        LocalDate lo2 = max(bday(birth, y - 4), iss.plusDays(1));
                        if (!lo2.isAfter(from) && sign) sIss = between(r, lo2, from);
                    }
                    default -> { }
                }
            }
        }
        if (!sign) {
            sIss = sExp = null;
            sSt = null;
        }
        if (!auth) {
            aIss = aExp = null;
            aSt = null;
        }

        f[ID] = id;
        names(f, r);
        f[BIRTH] = r.nextInt(50) == 0 ? date(birth).replace('-', '/') : date(birth);
        address(f, r);
        f[CARD] = r.nextInt(100) == 0 ? date(card).replace('-', '/') : date(card);
        f[S_ISS] = date(sIss);
        f[S_EXP] = date(sExp);
        f[S_ST] = sSt == null ? "" : sSt;
        f[A_ISS] = date(aIss);
        f[A_EXP] = date(aExp);
        f[A_ST] = aSt == null ? "" : aSt;
    }

    void names(String[] f, SplittableRandom r) {
        int p = r.nextInt(100);
        if (p < 82) {
            String[] s = surnames[r.nextInt(surnames.length)], g = givenNames[r.nextInt(givenNames.length)];
            int sep = r.nextInt(10);
            f[NAME] = s[0] + (sep < 7 ? " " : sep < 9 ? "\u3000" : "") + g[0];
            f[KANA] = r.nextInt(40) == 0 ? "" : s[1] + " " + g[1];
        } else if (p < 87) {
            // kana-only name (hiragana or katakana)
            String[] s = surnames[r.nextInt(surnames.length)], g = givenNames[r.nextInt(givenNames.length)];
            String kana = s[1] + " " + g[1];
            f[NAME] = r.nextBoolean() ? hiragana(kana) : kana;
            f[KANA] = kana;
        } else if (p < 95) {
            String[] n = latinNames[r.nextInt(latinNames.length)];
            f[NAME] = n[0];
            f[KANA] = r.nextInt(5) == 0 ? "" : n[1];
        } else {
            String[] n = otherNames[r.nextInt(otherNames.length)];
            f[NAME] = n[0];
            f[KANA] = n[1];
        }
    }

    void address(String[] f, SplittableRandom r) {
        String[] t = TOWNS[r.nextInt(TOWNS.length)];
        int rep = r.nextInt(100);
        String postal = rep < 3 ? t[1].substring(0, 3) + "0000" : t[1];   // representative code: no barcode
        f[POSTAL] = r.nextInt(4) == 0 ? postal.substring(0, 3) + "-" + postal.substring(3) : postal;
        f[TOWN] = "東京都豊島区" + t[0];
        int chome = 1 + r.nextInt(Integer.parseInt(t[2]));
        int ban = 1 + r.nextInt(40), go = 1 + r.nextInt(30);
        int b = r.nextInt(100);
        String block;
        if (b < 40) block = chome + "丁目" + ban + "番" + go + "号";
        else if (b < 75) block = chome + "-" + ban + "-" + go;
        else if (b < 85) block = chome + "丁目" + ban + "-" + go;
        else if (b < 93) block = fullWidth(r.nextBoolean() ? chome + "丁目" + ban + "番" + go + "号" : chome + "-" + ban + "-" + go);
        else if (b < 98) block = chome + "丁目" + ban + "番地";
        else block = "";
        f[BLOCK] = block;
        int k = r.nextInt(100);
        String building;
        if (k < 50) building = "";
        else {
            String name = buildings[r.nextInt(buildings.length)];
            int floor = 1 + r.nextInt(12), room = floor * 100 + 1 + r.nextInt(9);
            int style = r.nextInt(100);
            if (style < 30) building = name + room;
            else if (style < 45) building = name + floor + "F" + room + "号室";
            else if (style < 60) building = name + " " + room + "号室";
            else if (style < 70) building = name + "\u3000" + fullWidth(Integer.toString(room));
            else if (style < 75) building = name + fullWidth(Integer.toString(room)) + "号室";
            else if (style < 83) building = name + ", " + room;                   // comma: needs quoting
            else if (style < 85) building = "\"" + name + "\" " + room;           // quotes: doubled when written
            else building = name + " " + room;
        }
        f[BUILDING] = building;
    }

    // ---------------------------------------------------------------- bad rows
    /** Fills f with an invalid row of kind k % 13; returns the number of fields to write. */
    int badRow(String[] f, String id, long k, String lastValidId) {
        SplittableRandom r = new SplittableRandom(seed * 0x94D049BB133111EBL + k * 0x9E3779B97F4A7C15L + 7);
        LocalDate target = from.plusDays(r.nextLong(Math.max(1, Math.min(spanDays, 5L * 365))));
        resident(f, id, r, target, A_BOTH, false);
        f[HOLD] = "";
        int kind = (int) (k % BAD_KINDS);
        if (kind == 2 && lastValidId == null) kind = 1;
        // make sure the signature certificate exists for the kinds that alter it
        if (f[S_ISS].isEmpty()) {
            f[S_ISS] = f[A_ISS];
            f[S_ST] = "active";
        }
        switch (kind) {
            case 0 -> f[ID] = "";
            case 1 -> f[ID] = "ab/../c";
            case 2 -> f[ID] = lastValidId;
            case 3 -> f[NAME] = "";
            case 4 -> f[BIRTH] = "2026-02-30";
            case 5 -> f[POSTAL] = "12-345";
            case 6 -> f[S_ISS] = date(LocalDate.parse(f[BIRTH].replace('/', '-')).minusDays(1 + r.nextInt(300)));
            case 7 -> {
                f[S_ISS] = "";
                f[S_EXP] = "";
            }
            case 8 -> f[S_ST] = "";
            case 9 -> f[S_EXP] = f[S_ISS];
            case 10 -> {
                return HEADER.length - 1;
            }
            case 11 -> {
                f[BIRTH] = date(from.plusDays(30 + r.nextInt(365)));
                f[S_ISS] = f[S_EXP] = f[S_ST] = f[A_ISS] = f[A_EXP] = f[A_ST] = "";
            }
            case 12 -> f[A_ST] = "unknown";
            default -> throw new IllegalStateException();
        }
        return HEADER.length;
    }

    // ---------------------------------------------------------------- helpers
    static LocalDate bday(int m, int d, int year) {
        if (m == 2 && d == 29 && !Year.isLeap(year)) return LocalDate.of(year, 2, 28);   // FEB_28 policy
        return LocalDate.of(year, m, d);
    }

    static LocalDate bday(LocalDate birth, int year) {
        return bday(birth.getMonthValue(), birth.getDayOfMonth(), year);
    }

    /** The n-th birthday strictly after date d (domain.md §2). */
    static LocalDate nthBirthdayAfter(LocalDate birth, LocalDate d, int n) {
        int y = d.getYear();
        if (!bday(birth, y).isAfter(d)) y++;
        return bday(birth, y + n - 1);
    }

    /** A birth date with month/day (m, d), about `age` years before `ref` and not after it. */
    static LocalDate birthFor(int m, int d, LocalDate ref, int age) {
        int y = ref.getYear() - age;
        while (true) {
            if (m == 2 && d == 29) while (!Year.isLeap(y)) y--;
            LocalDate b = LocalDate.of(y, m, d);
            if (!b.isAfter(ref)) return b;
            y--;
        }
    }

    static int age(LocalDate birth, LocalDate at) {
        return (int) ChronoUnit.YEARS.between(birth, at);
    }

    static LocalDate between(SplittableRandom r, LocalDate lo, LocalDate hi) {
        long n = ChronoUnit.DAYS.between(lo, hi);
        return n <= 0 ? lo : lo.plusDays(r.nextLong(n + 1));
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String date(LocalDate d) {
        if (d == null) return "";
        char[] c = new char[10];
        int y = d.getYear(), m = d.getMonthValue(), dd = d.getDayOfMonth();
        c[0] = (char) ('0' + y / 1000 % 10);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[4] = '-';
        c[5] = (char) ('0' + m / 10);
        c[6] = (char) ('0' + m % 10);
        c[7] = '-';
        c[8] = (char) ('0' + dd / 10);
        c[9] = (char) ('0' + dd % 10);
        return new String(c);
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append((char) ('０' + (c - '0')));
            else if (c == '-') b.append('－');
            else b.append(c);
        }
        return b.toString();
    }

    static String hiragana(String katakana) {
        StringBuilder b = new StringBuilder(katakana.length());
        for (int i = 0; i < katakana.length(); i++) {
            char c = katakana.charAt(i);
            b.append(c >= 'ァ' && c <= 'ヶ' && c != 'ヴ' && c != 'ヵ' && c != 'ヶ' ? (char) (c - 0x60) : c);
        }
        return b.toString();
    }

    void writeRow(Writer w, String[] f, int n) throws IOException {
        StringBuilder b = sb;
        b.setLength(0);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            String s = f[i];
            boolean quote = false;
            for (int c = 0; c < s.length() && !quote; c++) {
                char ch = s.charAt(c);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            if (quote) {
                b.append('"');
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    if (ch == '"') b.append('"');
                    b.append(ch);
                }
                b.append('"');
            } else {
                b.append(s);
            }
        }
        b.append('\n');
        w.append(b);
    }
}
