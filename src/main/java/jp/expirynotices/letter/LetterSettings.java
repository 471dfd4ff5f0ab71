package jp.expirynotices.letter;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything on the letter that an operator may need to change ({@code notices.letter.*}, documented with its
 * defaults in {@code job-config/letter.yml}). Defaults are the ward's page (seed) and domain.md §4/§6.
 *
 * <p>Bound by constructor; {@link #defaults()} gives the same values without Spring (tests, tools).
 *
 * @param font         font files; empty = search the standard font folders
 * @param sender       sender block at the top right
 * @param contact      お問い合わせ先 at the bottom of page 1
 * @param offices      the windows (受付窓口) with their hours, in print order; empty = the seed's three windows
 * @param closures     notes printed under the windows (閉庁日, maintenance days); empty = the seed's notes
 * @param fee          手数料
 * @param idDocuments  the proxy's ID classes S, A and B, as the ward lists them
 * @param addressBlock where the address block goes, for a 長形3号 window envelope
 * @param barcode      customer barcode size
 * @param sharedFontSubset embed the glyphs every letter shares from one subset made at start-up (fast, small
 *                     letters); false: OpenPDF's default, a full subset made for each letter (the benchmark's
 *                     baseline). The printed letters are the same either way.
 */
@ConfigurationProperties(prefix = "notices.letter")
public record LetterSettings(@DefaultValue FontSettings font,
                             @DefaultValue Sender sender,
                             @DefaultValue Contact contact,
                             List<Office> offices,
                             List<String> closures,
                             @DefaultValue("無料") String fee,
                             @DefaultValue IdDocuments idDocuments,
                             @DefaultValue AddressBlock addressBlock,
                             @DefaultValue Barcode barcode,
                             @DefaultValue("true") boolean sharedFontSubset) {

    /** The seed's windows: 本庁舎 (weekdays and weekends), 東部・西部区民事務所 (weekdays). */
    public static final List<Office> DEFAULT_OFFICES = List.of(
            new Office("豊島区役所本庁舎 3階 総合窓口課", "豊島区南池袋2-45-1", List.of(
                    "月曜日〜金曜日　午前9時〜午後4時（発券は午前8時30分から）",
                    "土曜日・日曜日　午前9時〜午後3時")),
            new Office("東部区民事務所", "", List.of(
                    "月曜日〜金曜日　午前9時〜午後4時（発券は午前8時30分から）")),
            new Office("西部区民事務所", "", List.of(
                    "月曜日〜金曜日　午前9時〜午後4時（発券は午前8時30分から）")));

    /** The seed's closure notes. */
    public static final List<String> DEFAULT_CLOSURES = List.of(
            "祝日と年末年始は、すべての窓口でお取り扱いしていません。",
            "本庁舎は、祝日が土曜日・日曜日と重なる場合は開庁し、振替休日は閉庁します。土曜日・日曜日は臨時に閉庁する"
                    + "場合がありますので、区のホームページでご確認ください。",
            "毎月第3土曜日とそれに続く日曜日は、マイナンバーカード関連システムの全国的なメンテナンスのため、"
                    + "電子証明書のお手続きができません。",
            "月曜日の午前中と金曜日の午後は、特に混雑が予想されます。");

    @ConstructorBinding
    public LetterSettings {
        font = Objects.requireNonNullElseGet(font, FontSettings::search);
        sender = Objects.requireNonNullElseGet(sender, Sender::defaults);
        contact = Objects.requireNonNullElseGet(contact, Contact::defaults);
        offices = offices == null || offices.isEmpty() ? DEFAULT_OFFICES : List.copyOf(offices);
        closures = closures == null || closures.isEmpty() ? DEFAULT_CLOSURES : List.copyOf(closures);
        fee = fee == null || fee.isBlank() ? "無料" : fee;
        idDocuments = Objects.requireNonNullElseGet(idDocuments, IdDocuments::defaults);
        addressBlock = Objects.requireNonNullElseGet(addressBlock, AddressBlock::defaults);
        barcode = Objects.requireNonNullElseGet(barcode, Barcode::defaults);
        if (barcode.widthMm() > addressBlock.maxWidthMm()) {
            throw new IllegalArgumentException("the customer barcode at " + barcode.pointSize() + " pt is "
                    + barcode.widthMm() + " mm wide, more than notices.letter.address-block.max-width-mm ("
                    + addressBlock.maxWidthMm() + ")");
        }
    }

    /** As the canonical constructor, with the shared font subset on. */
    public LetterSettings(FontSettings font, Sender sender, Contact contact, List<Office> offices,
                          List<String> closures, String fee, IdDocuments idDocuments, AddressBlock addressBlock,
                          Barcode barcode) {
        this(font, sender, contact, offices, closures, fee, idDocuments, addressBlock, barcode, true);
    }

    /** The defaults, without Spring. */
    public static LetterSettings defaults() {
        return new LetterSettings(null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with the shared font subset on or off. */
    public LetterSettings withSharedFontSubset(boolean on) {
        return new LetterSettings(font, sender, contact, offices, closures, fee, idDocuments, addressBlock, barcode,
                on);
    }

    /** The same settings with other font paths. */
    public LetterSettings withFont(FontSettings fontSettings) {
        return new LetterSettings(fontSettings, sender, contact, offices, closures, fee, idDocuments, addressBlock,
                barcode, sharedFontSubset);
    }

    /** The same settings with another address-block position. */
    public LetterSettings withAddressBlock(AddressBlock block) {
        return new LetterSettings(font, sender, contact, offices, closures, fee, idDocuments, block, barcode,
                sharedFontSubset);
    }

    /**
     * The sender (差出人), printed at the top right of page 1 and in the PDF's author metadata.
     *
     * @param ward       e.g. 豊島区
     * @param section    e.g. 区民部総合窓口課
     * @param postalCode as printed, e.g. 171-8422
     * @param address    e.g. 東京都豊島区南池袋2-45-1（豊島区役所）
     * @param phone      e.g. 03-3981-1111（代表）
     */
    public record Sender(@DefaultValue("豊島区") String ward,
                         @DefaultValue("区民部総合窓口課") String section,
                         @DefaultValue("171-8422") String postalCode,
                         @DefaultValue("東京都豊島区南池袋2-45-1（豊島区役所）") String address,
                         @DefaultValue("03-3981-1111（代表）") String phone) {

        public Sender {
            ward = orDefault(ward, "豊島区");
            section = orDefault(section, "区民部総合窓口課");
            postalCode = orDefault(postalCode, "171-8422");
            address = orDefault(address, "東京都豊島区南池袋2-45-1（豊島区役所）");
            phone = orDefault(phone, "03-3981-1111（代表）");
        }

        public static Sender defaults() {
            return new Sender(null, null, null, null, null);
        }
    }

    /**
     * お問い合わせ先.
     *
     * @param name  office to ask, e.g. 豊島区 区民部総合窓口課
     * @param phone e.g. 03-3981-1111（代表）
     * @param note  optional extra line (e.g. phone hours); empty = none
     */
    public record Contact(@DefaultValue("豊島区 区民部総合窓口課") String name,
                          @DefaultValue("03-3981-1111（代表）") String phone,
                          @DefaultValue("") String note) {

        public Contact {
            name = orDefault(name, "豊島区 区民部総合窓口課");
            phone = orDefault(phone, "03-3981-1111（代表）");
            note = Objects.requireNonNullElse(note, "");
        }

        public static Contact defaults() {
            return new Contact(null, null, null);
        }
    }

    /**
     * One window (受付窓口).
     *
     * @param name     e.g. 豊島区役所本庁舎 3階 総合窓口課
     * @param location optional address or directions; empty = not printed
     * @param hours    one line per group of days, e.g. 月曜日〜金曜日　午前9時〜午後4時（発券は午前8時30分から）
     */
    public record Office(String name, String location, List<String> hours) {

        public Office {
            Objects.requireNonNull(name, "notices.letter.offices[].name");
            location = Objects.requireNonNullElse(location, "");
            hours = hours == null ? List.of() : List.copyOf(hours);
        }
    }

    /**
     * The ID documents a proxy may show (one of class S, A or B), as the ward's page lists them.
     *
     * @param classS S: cards with an IC chip
     * @param classA A: photo ID issued by a public body
     * @param classB B: other photo ID and licences
     * @param note   the caveat printed under the classes
     */
    public record IdDocuments(String classS, String classA, String classB, String note) {

        public static final String DEFAULT_S = "マイナンバーカード、住民基本台帳カード";
        public static final String DEFAULT_A = "運転免許証、運転経歴証明書（平成24年4月1日以降に交付されたもの）、日本国旅券"
                + "（パスポート）、身体障害者手帳、精神障害者保健福祉手帳、療育手帳、在留カード、特別永住者証明書、"
                + "一時庇護許可書、仮滞在許可書";
        public static final String DEFAULT_B = "海技免状、電気工事士免状、無線従事者免許証、動力車操縦者運転免許証、"
                + "運行管理者技能検定合格証明書、猟銃・空気銃所持許可証、特殊電気工事資格者認定証、認定電気工事従事者"
                + "認定証、耐空検査員の証、航空従事者技能証明書、宅地建物取引士証、船員手帳、戦傷病者手帳、教育職員"
                + "検定合格証明書、外国人登録証明書（有効期限内のもの）、官公署が職員に発行した身分証明書など、官公署が"
                + "発行した写真付きの書類で本人と確認できるもの";
        public static final String DEFAULT_NOTE = "本人確認書類の氏名・住所が住民票の記載と異なる場合は、本人確認書類として"
                + "お使いいただけません。";

        public IdDocuments {
            classS = orDefault(classS, DEFAULT_S);
            classA = orDefault(classA, DEFAULT_A);
            classB = orDefault(classB, DEFAULT_B);
            note = Objects.requireNonNullElse(note, DEFAULT_NOTE);
        }

        public static IdDocuments defaults() {
            return new IdDocuments(null, null, null, null);
        }
    }

    /**
     * The address block, in mm from the top-left corner of the page. The defaults fit the 90 × 45 mm window of a
     * 長形3号 envelope with A4 folded in three. Long addresses are shrunk to fit, never cut.
     */
    public record AddressBlock(@DefaultValue("20") double xMm,
                               @DefaultValue("15") double yMm,
                               @DefaultValue("80") double maxWidthMm,
                               @DefaultValue("35") double maxHeightMm) {

        public AddressBlock {
            if (xMm < 0 || yMm < 0 || maxWidthMm < 66 || maxHeightMm < 20
                    || xMm + maxWidthMm > 200 || yMm + maxHeightMm > 100) {
                throw new IllegalArgumentException("notices.letter.address-block must lie in the top third of the "
                        + "page and be at least 66 × 20 mm (the barcode is 64 mm wide), was x " + xMm + ", y " + yMm
                        + ", " + maxWidthMm + " × " + maxHeightMm + " mm");
            }
        }

        public static AddressBlock defaults() {
            return new AddressBlock(20, 15, 80, 35);
        }
    }

    /**
     * Customer barcode size: 8 pt (63.84 mm wide, long bar 2.88 mm) by default; Japan Post allows 8–11.5 pt.
     */
    public record Barcode(@DefaultValue("8") double pointSize) {

        public Barcode {
            if (pointSize < 8 || pointSize > 11.5) {
                throw new IllegalArgumentException(
                        "notices.letter.barcode.point-size must be 8 to 11.5, was " + pointSize);
            }
        }

        public static Barcode defaults() {
            return new Barcode(8);
        }

        /** Width of the 67 bars: 66 pitches of 1.2 mm plus one bar of 0.6 mm at 10 pt, scaled. */
        public double widthMm() {
            return (66 * 1.2 + 0.6) * pointSize / 10;
        }

        /** Height of a long bar: 3.6 mm at 10 pt, scaled. */
        public double heightMm() {
            return 3.6 * pointSize / 10;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
