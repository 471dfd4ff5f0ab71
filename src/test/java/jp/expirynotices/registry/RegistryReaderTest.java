package jp.expirynotices.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryReaderTest {

    static final String HEADER = String.join(",", RegistryValidatorTest.HEADER);

    @TempDir
    Path dir;

    private Path file(String content, Charset cs) throws IOException {
        Path f = dir.resolve("registry.csv");
        Files.write(f, content.getBytes(cs));
        return f;
    }

    private List<RawRecord> readAll(Path f, Charset cs) {
        List<RawRecord> out = new ArrayList<>();
        try (RegistryReader r = RegistryReader.open(f, cs, true)) {
            for (RawRecord rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void estimatesTheLinesOfAFileFromItsStart() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(line("R" + i, "1-2-" + i)).append("\r\n");
        }
        long lines = RegistryReader.estimatedLines(file(csv.toString(), StandardCharsets.UTF_8));
        assertThat(lines).isBetween(19_000L, 21_000L);
        assertThat(RegistryReader.estimatedLines(file(HEADER + "\n" + line("R1", "1"), StandardCharsets.UTF_8)))
                .as("a file shorter than the sample: its line ends").isEqualTo(1);
        assertThat(RegistryReader.estimatedLines(file("", StandardCharsets.UTF_8))).isZero();
        assertThat(RegistryReader.estimatedLines(dir.resolve("missing.csv"))).isZero();
        assertThat(RegistryReader.estimatedLines(dir)).as("not a regular file").isZero();
    }

    private static String line(String id, String block) {
        return id + ",山田 太郎,,1985-11-14,1700013,東京都豊島区東池袋," + block
                + ",,2031-11-14,2021-11-15,,active,2021-11-15,,active,";
    }

    @Test
    void knowsTheStartLineOfEachRecordAcrossQuotedNewlines() throws IOException {
        String csv = HEADER + "\r\n" + line("R1", "\"1丁目\n2番\"") + "\r\n" + line("R2", "\"a,\"\"b\"\"\"") + "\n";
        List<RawRecord> records = readAll(file(csv, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(records).extracting(RawRecord::line).containsExactly(2L, 4L);
        assertThat(records.get(0).fields()[6]).isEqualTo("1丁目\n2番");
        assertThat(records.get(1).fields()[6]).isEqualTo("a,\"b\"");
    }

    @Test
    void skipsUtf8Bom() throws IOException {
        String csv = "\uFEFF" + HEADER + "\n" + line("R1", "1") + "\n";
        try (RegistryReader r = RegistryReader.open(file(csv, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true)) {
            assertThat(r.header().missingRequired()).isEmpty();
            assertThat(r.next().fields()[0]).isEqualTo("R1");
        }
    }

    @Test
    void readsWindows31J() throws IOException {
        Charset sjis = Charset.forName("Windows-31J");
        String csv = HEADER + "\r\n" + line("R1", "髙橋①") + "\r\n";
        List<RawRecord> records = readAll(file(csv, sjis), sjis);
        assertThat(records.get(0).fields()[1]).isEqualTo("山田 太郎");
        assertThat(records.get(0).fields()[6]).isEqualTo("髙橋①");
    }

    @Test
    void utf8ReadAsWindows31JIsRefusedInsteadOfReadGarbled() throws IOException {
        // UTF-8 Japanese text that happens to decode as Windows-31J without any error
        String csv = HEADER + "\nR1,アイウ エオ,,1985-11-14,1700013,アイウ,カキク,,2031-11-14,2021-11-15,,active,"
                + "2021-11-15,,active,\n";
        Charset sjis = Charset.forName("Windows-31J");
        Path f = file(csv, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, sjis))
                .isInstanceOf(RegistryInputException.class)
                .hasMessageContaining("line 1: the file is UTF-8, not windows-31j")
                .hasMessageContaining("--encoding=UTF-8");
        assertThat(new String(csv.getBytes(StandardCharsets.UTF_8), sjis)).as("decodes as Windows-31J too")
                .doesNotContain("\uFFFD");
        assertThat(readAll(f, StandardCharsets.UTF_8).get(0).fields()[6]).isEqualTo("カキク");
    }

    @Test
    void shiftJisReadAsUtf8StopsWithLine() throws IOException {
        Path f = file(HEADER + "\n" + line("R1", "1") + "\n", Charset.forName("Windows-31J"));
        assertThatThrownBy(() -> readAll(f, StandardCharsets.UTF_8))
                .isInstanceOf(RegistryInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("--encoding");
    }

    @Test
    void columnsMatchByTrimmedCaseInsensitiveNameInAnyOrder() throws IOException {
        String csv = " NAME ,Resident_ID,birth_date,postal_code,address_town,card_expires_on,extra\n"
                + "花子,R9,1990-01-01,1700013,町,2030-01-01,x\n";
        try (RegistryReader r = RegistryReader.open(file(csv, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true)) {
            assertThat(r.header().unknownColumns()).containsExactly("extra");
            RawRecord rec = r.next();
            assertThat(r.header().value(rec.fields(), RegistryColumn.RESIDENT_ID)).isEqualTo("R9");
            assertThat(r.header().value(rec.fields(), RegistryColumn.NAME)).isEqualTo("花子");
            assertThat(r.header().value(rec.fields(), RegistryColumn.HOLD_MAIL)).isEmpty();
        }
    }

    @Test
    void missingRequiredColumnsAreNamed() throws IOException {
        Path f = file("resident_id,name\nR1,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegistryReader.open(f, StandardCharsets.UTF_8, true))
                .isInstanceOf(RegistryInputException.class)
                .hasMessageContaining("birth_date, postal_code, address_town, card_expires_on");
    }

    @Test
    void unusableFiles() throws IOException {
        assertThatThrownBy(() -> RegistryReader.open(dir.resolve("nope.csv"), StandardCharsets.UTF_8, true))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> RegistryReader.open(dir, StandardCharsets.UTF_8, true))
                .hasMessageContaining("directory");
        Path empty = file("", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegistryReader.open(empty, StandardCharsets.UTF_8, true))
                .hasMessageContaining("empty");
    }

    @Test
    void unbalancedQuoteStopsWithItsLineAndNoContent() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n').append(line("R1", "1")).append('\n');
        csv.append(line("R2", "\"秘密の住所")).append('\n');
        for (int i = 0; i < 30; i++) {
            csv.append(line("R" + (i + 3), "1")).append('\n');
        }
        Path f = file(csv.toString(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(f, StandardCharsets.UTF_8))
                .isInstanceOf(RegistryInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("秘密");
    }

    @Test
    void blankLinesAreSkippedAndCounted() throws IOException {
        String csv = HEADER + "\n\n" + line("R1", "1") + "\n\n";
        try (RegistryReader r = RegistryReader.open(file(csv, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true)) {
            assertThat(r.next().line()).isEqualTo(3);
            assertThat(r.next()).isNull();
            assertThat(r.blankLines()).isEqualTo(2);
        }
    }
}
