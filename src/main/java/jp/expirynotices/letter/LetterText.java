package jp.expirynotices.letter;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.Resident;

/**
 * The wording of the letter (domain.md §4, from the ward's page), separate from the layout so it can be read and
 * tested on its own. Everything here is plain text; {@link LetterRenderer} decides where it goes.
 */
final class LetterText {

    static final String TITLE = "マイナンバーカードの電子証明書の有効期限のお知らせ";
    static final String FORM_TITLE = "照会書兼回答書";
    static final String FORM_SUBTITLE = "マイナンバーカードの電子証明書の更新（代理人によるお手続き用）";
    static final String SUBJECT = "電子証明書の有効期限のお知らせ・照会書兼回答書";

    static final String DUE = "更新対象";
    static final String CARD_RENEWAL = "カードの更新が必要";
    static final String NOT_YET = "対象外（更新期間前）";
    static final String EXPIRED = "対象外（有効期限切れ・新たな発行が必要）";

    private LetterText() {
    }

    /**
     * All that page 1's body is made of, of a resident's assessment: the functions here read nothing else of it (the
     * certificates' issue dates and own limits, and the birth date beyond {@code minor}, are not printed). Letters
     * with equal inputs print the same body, so {@code LetterRenderer} reuses its layout by them without building it;
     * it builds a sample of the reused bodies anyway and fails the run if one prints otherwise (a function here that
     * started reading more of the assessment than this record holds).
     */
    record BodyInputs(LocalDate runDate, boolean minor, ExpiryReason reason, List<Row> certificates) {

        record Row(CertificateKind kind, LocalDate expiry, ExpiryReason reason, boolean due, LocalDate windowOpens) {
        }

        static BodyInputs of(ResidentAssessment assessment) {
            List<Row> rows = new ArrayList<>(2);
            for (CertificateExpiry c : assessment.certificates()) {
                rows.add(new Row(c.kind(), c.expiry(), c.reason(), c.due(), c.windowOpens()));
            }
            return new BodyInputs(assessment.runDate(), assessment.minor(), assessment.reason().orElse(null),
                    List.copyOf(rows));
        }
    }

    /** The card variant (domain.md §4.4): the card's own expiry ends the earliest due certificate. */
    static boolean cardVariant(ResidentAssessment assessment) {
        return assessment.reason().orElse(null) == ExpiryReason.CARD_EXPIRY;
    }

    /** Renewal window length in months, read back from the assessment (3 unless configured otherwise). */
    static int windowMonths(ResidentAssessment assessment) {
        return assessment.certificates().stream()
                .findFirst()
                .map(c -> (int) Period.between(c.windowOpens().minusDays(1), c.expiry()).toTotalMonths())
                .filter(m -> m > 0)
                .orElse(3);
    }

    static String kind(CertificateKind kind) {
        return kind.japaneseName();
    }

    static String reason(ExpiryReason reason) {
        return switch (reason) {
            case OWN_LIMIT -> "発行の日から5回目の誕生日";
            case CARD_EXPIRY -> "マイナンバーカードの有効期限";
            case AUTH_CERT_EXPIRY -> "利用者証明用電子証明書の有効期限に合わせて";
        };
    }

    /** The table rows: the resident's active certificates, 署名用 first as the ward's page lists them. */
    static List<CertificateExpiry> rows(ResidentAssessment assessment) {
        return assessment.certificates().stream()
                .sorted(Comparator.comparing((CertificateExpiry c) -> c.kind() == CertificateKind.SIGN ? 0 : 1))
                .toList();
    }

    /** 更新対象 / 対象外 (with why) for one certificate; a due certificate stays renewable even if notified before. */
    static String status(CertificateExpiry c, ResidentAssessment assessment) {
        if (c.due()) {
            return cardVariant(assessment) && c.reason() == ExpiryReason.CARD_EXPIRY ? CARD_RENEWAL : DUE;
        }
        return c.expiry().isBefore(assessment.runDate()) ? EXPIRED : NOT_YET;
    }

    /** 「令和8年11月15日から令和9年2月14日まで」. */
    static String period(CertificateExpiry c) {
        return period(c.windowOpens(), c.expiry());
    }

    static String period(LocalDate from, LocalDate to) {
        return Wareki.format(from) + "から" + Wareki.format(to) + "まで";
    }

    /** The period column of the table: empty for an expired certificate. */
    static String periodCell(CertificateExpiry c, ResidentAssessment assessment) {
        if (c.expiry().isBefore(assessment.runDate())) {
            return "―";
        }
        return Wareki.format(c.windowOpens()) + "から\n" + Wareki.format(c.expiry()) + "まで";
    }

    /**
     * The renewal period(s) in the highlighted box: one line when all due certificates share one window, else one
     * line per certificate.
     */
    static List<String> periodLines(ResidentAssessment assessment) {
        List<CertificateExpiry> due = rows(assessment).stream().filter(CertificateExpiry::due).toList();
        Set<String> distinct = new LinkedHashSet<>();
        due.forEach(c -> distinct.add(period(c)));
        if (distinct.size() <= 1) {
            return List.copyOf(distinct);
        }
        List<String> lines = new ArrayList<>();
        for (CertificateExpiry c : due) {
            lines.add(kind(c.kind()) + "：" + period(c));
        }
        return lines;
    }

    static String periodLabel(ResidentAssessment assessment) {
        return cardVariant(assessment) ? "カードの更新のお手続きができる期間" : "更新のお手続きができる期間";
    }

    static String greeting() {
        return "日頃から区政にご理解とご協力をいただき、ありがとうございます。";
    }

    /** The explanation (domain.md §4.2), or the card variant's (§4.4). */
    static List<String> explanation(ResidentAssessment assessment) {
        int months = windowMonths(assessment);
        if (cardVariant(assessment)) {
            return List.of(
                    "あなたのマイナンバーカードの有効期限が近づいています。カードに記録されている電子証明書は、カードの"
                            + "有効期限の日を過ぎると使えなくなり、e-Tax（確定申告）などの電子申請や、コンビニエンス"
                            + "ストアでの住民票の写しなどの交付サービスがご利用いただけなくなります。",
                    "引き続きご利用になる場合は、マイナンバーカードの更新（新しいカードの交付申請）のお手続きをお願い"
                            + "します。電子証明書は新しいカードとともに発行されますので、電子証明書だけを更新するお手続き"
                            + "は必要ありません。カードの更新は、有効期限の" + months + "か月前からお手続きいただけます。"
                            + "有効期限を過ぎた後でも、新しいカードと電子証明書の交付を申請することができます。");
        }
        return List.of(
                "あなたのマイナンバーカードに記録されている電子証明書の有効期限が近づいています。有効期限を過ぎると、"
                        + "e-Tax（確定申告）などの電子申請や、コンビニエンスストアでの住民票の写しなどの交付サービスが"
                        + "ご利用いただけなくなります。",
                "引き続きご利用になる場合は、下記の窓口で電子証明書の更新のお手続きをお願いします。更新は、有効期限の"
                        + months + "か月前からお手続きいただけます。なお、有効期限を過ぎた後でも、新しい電子証明書の"
                        + "発行を申請することができます。");
    }

    static String bringHeading(LetterSettings settings) {
        return "お手続きに必要なもの（手数料：" + settings.fee() + "）";
    }

    /** A line under the heading, in the card variant only. */
    static String cardBringNote() {
        return "マイナンバーカードの更新（交付申請）では、このほかに必要なものがある場合があります。"
                + "詳しくはお問い合わせ先までご確認ください。";
    }

    static List<String> bringInPerson() {
        return List.of(
                "マイナンバーカード",
                "この通知書（お手元にある場合）",
                "本人確認書類（暗証番号の再設定が必要な場合のみ）");
    }

    static String bringInPersonNote() {
        return "お手続きの際に、ご本人に暗証番号を入力していただきます。";
    }

    static List<String> bringByProxy() {
        return List.of(
                "ご本人のマイナンバーカード",
                "この通知書",
                "照会書兼回答書（2ページ目。ご本人が記入したもの）",
                "代理人の本人確認書類（下記のS・A・Bのいずれか1点）");
    }

    static String idHeading() {
        return "代理人の本人確認書類（次のうちいずれか1点）";
    }

    static String officesHeading() {
        return "受付窓口と受付時間";
    }

    /** ご注意: the after-expiry note, the under-15 note (minors only), and the crossing-in-the-mail note. */
    static List<String> notes(NoticeLetter letter) {
        ResidentAssessment assessment = letter.assessment();
        List<String> notes = new ArrayList<>();
        if (assessment.minor()) {
            notes.add(minorNote());
        }
        notes.add(cardVariant(assessment)
                ? "カードの有効期限を過ぎると、電子証明書もカードも使えなくなります。有効期限を過ぎた後のお手続きは、"
                        + "新しいカードの交付申請となります。"
                : "有効期限を過ぎると電子証明書は使えなくなりますが、その後でも窓口で新しい電子証明書の発行を申請"
                        + "できます（必要なものは上記と同じです）。");
        notes.add("この通知と行き違いに、すでにお手続きがお済みの場合はご容赦ください。");
        return notes;
    }

    static String minorNote() {
        return "15歳未満の方のお手続きは、法定代理人（親権者など）が申請してください。法定代理人であることを確認する"
                + "書類が必要となる場合がありますので、お問い合わせ先にご確認ください。";
    }

    static String contactLine(LetterSettings.Contact contact) {
        return contact.name() + "　電話 " + contact.phone();
    }

    // --- page 2 ---------------------------------------------------------------------------------------------------

    static String formAddressee(LetterSettings.Sender sender) {
        return sender.ward() + "長　あて";
    }

    static String formIntro() {
        return "代理人がお手続きをする場合は、ご本人が太枠内を記入・署名のうえ、この用紙を代理人にお渡しください。"
                + "代理人は、この用紙とご本人のマイナンバーカード、この通知書、代理人の本人確認書類をお持ちください。";
    }

    static String formQuery() {
        return "電子証明書の更新について、代理人による申請を受け付けるため、下記のご本人の意思を確認します。";
    }

    static String formAnswer() {
        return "私は、下記の者を代理人と定め、電子証明書の更新の申請に関する権限を委任します。";
    }

    /** Address as printed: town and block on one line, building (方書) on its own line when present. */
    static List<String> addressLines(Resident resident) {
        List<String> lines = new ArrayList<>();
        lines.add(resident.addressTown() + resident.addressBlock());
        if (!resident.addressBuilding().isBlank()) {
            lines.add(resident.addressBuilding());
        }
        return lines;
    }

    static String blankDate(LocalDate letterDate) {
        return Wareki.eraName(letterDate) + "　　　年　　　月　　　日";
    }

    static List<String> relationshipChoices() {
        return List.of("同居の家族", "別居の家族", "その他（　　　　　　　　　）");
    }
}
