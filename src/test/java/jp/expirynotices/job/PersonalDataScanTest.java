package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.expirynotices.registry.Resident;

class PersonalDataScanTest {

    static final LocalDate R = LocalDate.of(2026, 11, 24);

    private static Resident resident(String name, String kana, LocalDate birth, String town, String block,
                                     String building) {
        return new Resident(2, "R1", name, kana, birth, "1700013", town, block, building, LocalDate.of(2031, 1, 1),
                List.of(), false);
    }

    @Test
    void findsEachKindOfPersonalDataAnywhereInTheLog() {
        Resident r = resident("山田 太郎", "ヤマダ タロウ", LocalDate.of(1985, 11, 14), "東京都豊島区東池袋", "1丁目18番1号",
                "サンシャインハイツ101");
        assertThat(new PersonalDataScan("山田 太郎", R).found(r)).containsExactly("name");
        assertThat(new PersonalDataScan("x 山田太郎", R).found(r)).containsExactly("name");
        assertThat(new PersonalDataScan("読み ヤマダタロウ\n", R).found(r)).containsExactly("name reading");
        assertThat(new PersonalDataScan("at 東京都豊島区東池袋1丁目18番1号.", R).found(r)).containsExactly("address");
        assertThat(new PersonalDataScan("block 1丁目18番1号", R).found(r)).containsExactly("address");
        assertThat(new PersonalDataScan("サンシャインハイツ101", R).found(r)).containsExactly("building");
        assertThat(new PersonalDataScan("b=1985-11-14", R).found(r)).containsExactly("birth date");
        assertThat(new PersonalDataScan("b=1985/11/14", R).found(r)).containsExactly("birth date");
        assertThat(new PersonalDataScan("昭和60年11月14日", R).found(r)).containsExactly("birth date");
    }

    @Test
    void idsCountsAndTheRunDateAreNotPersonalData() {
        Resident baby = resident("李 明", "", R, "東京都豊島区南池袋", "2-45-1", "");
        String log = "run 2026-11-24: R1 14 rows read, 3 rejected, 5 selected -> out/2026-11-24\n"
                + "select: 1000000 rows (130000/s) completed\n明るい 李さん 南池袋\n";
        assertThat(new PersonalDataScan(log, R).found(baby)).isEmpty();
        assertThat(new PersonalDataScan("", R).found(baby)).isEmpty();
        assertThat(new PersonalDataScan("李明", R).found(baby)).containsExactly("name");
    }
}
