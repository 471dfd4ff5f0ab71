package jp.expirynotices.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.Resident;

/** Fixture residents and letters; run date 2026-11-24 (令和8年11月24日) unless said otherwise. */
public final class LetterFixtures {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 24);

    /** Barcode of 170-0013 「1丁目18番1号 サンシャインハイツ101」 → 1-18-1-101 (computed from customer-barcode.md). */
    static final String BARS_1700013 = "FDFFTAFDFTTFTTFTTFFTDFAFFTTFTFFTADFTFTFFTTFTFFTFTTFFTTDATDATDATTFDF";
    /** The manual's vector: 100-0013 1-3-2-503. */
    static final String BARS_1000013 = "FDFFTFTTFTTFTTFTTFFTDFAFFTTFTDFATFTFDATFTFTFFTTDFATDATDATDATDATFFDF";

    private LetterFixtures() {
    }

    static Certificate active(CertificateKind kind, LocalDate issued) {
        return new Certificate(kind, issued, Optional.empty(), CertificateStatus.ACTIVE);
    }

    static Certificate active(CertificateKind kind, LocalDate issued, LocalDate recordedExpiry) {
        return new Certificate(kind, issued, Optional.of(recordedExpiry), CertificateStatus.ACTIVE);
    }

    static Resident resident(String id, String name, LocalDate birth, String postal, String town, String block,
                             String building, LocalDate cardExpires, List<Certificate> certificates) {
        return new Resident(2, id, name, "", birth, postal, town, block, building, cardExpires, certificates, false);
    }

    /**
     * A letter to {@code name} at サンシャインハイツ503, 東池袋 1丁目3番2号, born 1985-12-20, both certificates
     * expiring on the 5th birthday 2026-12-20 (令和8年12月20日), without a barcode: for tests that vary the name.
     */
    public static NoticeLetter named(String name) {
        return letter(resident("R1", name, LocalDate.of(1985, 12, 20), "1700013", "東京都豊島区東池袋", "1丁目3番2号",
                "サンシャインハイツ503", LocalDate.of(2031, 12, 20),
                List.of(active(CertificateKind.SIGN, LocalDate.of(2021, 12, 21)),
                        active(CertificateKind.AUTH, LocalDate.of(2021, 12, 21)))), Optional.empty());
    }

    static NoticeLetter letter(Resident resident, Optional<String> bars) {
        return letter(resident, bars, RUN_DATE);
    }

    static NoticeLetter letter(Resident resident, Optional<String> bars, LocalDate runDate) {
        ResidentAssessment assessment = ExpiryCalculator.defaults()
                .assess(resident.birthDate(), resident.cardExpiresOn(), resident.certificates(), runDate);
        return new NoticeLetter(resident, assessment, runDate, bars);
    }

    /**
     * Both certificates expire on the 5th birthday 2027-02-14 (令和9年2月14日); window from 2026-11-15
     * (令和8年11月15日). Certificate-renewal variant, adult, with a building and a barcode.
     */
    static NoticeLetter standard() {
        Resident r = resident("R0001", "山田 太郎", LocalDate.of(1980, 2, 14), "1700013", "東京都豊島区東池袋",
                "1丁目18番1号", "サンシャインハイツ101", LocalDate.of(2032, 2, 14),
                List.of(active(CertificateKind.SIGN, LocalDate.of(2022, 3, 1)),
                        active(CertificateKind.AUTH, LocalDate.of(2022, 3, 1))));
        return letter(r, Optional.of(BARS_1700013));
    }

    /** The card expires 2027-01-31 (令和9年1月31日), before the certificates' 5th birthday: card variant. */
    static NoticeLetter cardExpiry() {
        Resident r = resident("R0002", "佐藤 花子", LocalDate.of(1950, 6, 30), "1710021", "東京都豊島区西池袋",
                "3丁目9番15号", "", LocalDate.of(2027, 1, 31),
                List.of(active(CertificateKind.SIGN, LocalDate.of(2023, 1, 10)),
                        active(CertificateKind.AUTH, LocalDate.of(2023, 1, 10))));
        return letter(r, Optional.of("FDFFTAFDFFTFTTFTTFDAFFTDFATFTTFFTFTFFTFTFTDATDATDATDATDATDATDAFADDF"));
    }

    /** Aged 11, AUTH only, expiring 2027-01-20 (令和9年1月20日) on the 5th birthday. */
    static NoticeLetter minor() {
        Resident r = resident("R0003", "鈴木 ひなた", LocalDate.of(2015, 1, 20), "1700013", "東京都豊島区東池袋",
                "1丁目18番1号", "サンシャインハイツ101", LocalDate.of(2029, 1, 20),
                List.of(active(CertificateKind.AUTH, LocalDate.of(2022, 4, 1))));
        return letter(r, Optional.of(BARS_1700013));
    }

    /**
     * SIGN due (2027-02-14), AUTH recorded to 2028-02-14 and not yet due: the table shows one 対象外 row. Born
     * 1957-02-14 (昭和32年2月14日).
     */
    static NoticeLetter signOnlyDue() {
        Resident r = resident("R0004", "高橋 健一", LocalDate.of(1957, 2, 14), "1700013", "東京都豊島区東池袋",
                "1丁目18番1号", "", LocalDate.of(2031, 5, 1),
                List.of(active(CertificateKind.SIGN, LocalDate.of(2022, 3, 1)),
                        active(CertificateKind.AUTH, LocalDate.of(2023, 3, 1), LocalDate.of(2028, 2, 14))));
        return letter(r, Optional.of(BARS_1700013));
    }

    /** A very long address and name, a representative postal code (no barcode). */
    static NoticeLetter longAddress() {
        Resident r = resident("R0005", "アレクサンドラ・ウィルヘルミナ・フォン・ホーエンツォレルン＝シュミットバウアー",
                LocalDate.of(1989, 1, 8), "1700000", "東京都豊島区東池袋",
                "四丁目二十番三号の二十七", "東池袋グランドガーデンレジデンス・ザ・タワー（サウスウィング）"
                        + "アネックス棟 第二十三号館 二千三百四十五号室 管理事務所気付",
                LocalDate.of(2032, 2, 14),
                List.of(active(CertificateKind.SIGN, LocalDate.of(2022, 3, 1)),
                        active(CertificateKind.AUTH, LocalDate.of(2022, 3, 1))));
        return letter(r, Optional.empty());
    }

    static List<NoticeLetter> all() {
        List<NoticeLetter> all = new ArrayList<>();
        all.add(standard());
        all.add(cardExpiry());
        all.add(minor());
        all.add(signOnlyDue());
        all.add(longAddress());
        return all;
    }
}
