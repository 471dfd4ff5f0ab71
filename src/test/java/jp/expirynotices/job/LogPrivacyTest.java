package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * Scans the whole log of full runs, at DEBUG level, for every name, reading, address part and birth date of the
 * fixture registry: none may appear. Runs include a reject of every kind, a held resident and a 外字 resident.
 */
class LogPrivacyTest {

    @TempDir
    Path dir;

    @Test
    void noPersonalDataInTheLogOfAFullRunAtDebugLevel() throws Exception {
        JobRun job = new JobRun(dir);
        Path registry = FixtureExpectations.REGISTRY;
        StringBuilder log = new StringBuilder();
        for (String[] extra : List.of(new String[] {"--dry-run"}, new String[0], new String[0])) {
            List<String> args = new ArrayList<>(job.args(registry, "2026-11-24", extra));
            args.add("--logging.level.root=DEBUG");
            args.add("--logging.level.jp.expirynotices=TRACE");
            args.add("--notices.chunk-size=2");
            args.add("--notices.progress-interval=0s");
            Child child = Child.start(args);
            assertThat(child.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).as(child.output()).isZero();
            log.append(child.output());
        }
        String text = log.toString();
        assertThat(text).contains("DEBUG").contains("2026-11-24").contains("already completed");
        // progress lines and the final one-line summary carry counts only
        assertThat(text).containsPattern("render-00\\d: 2/3 letters \\(\\d+/s, ETA \\d+ s\\)")
                .contains("14 rows read, 3 rejected, 5 selected, 2 held, 5 letters, 10 pages, 1 bundles -> ");

        List<String> personal = personalValues(registry);
        assertThat(personal).hasSizeGreaterThan(40);
        for (String value : personal) {
            assertThat(text).as("log must not contain personal value").doesNotContain(value);
        }
    }

    /** Names, readings, birth dates and address parts (at least 4 characters, so that "1-1-1" etc. are left out). */
    static List<String> personalValues(Path registry) throws IOException, CsvException {
        List<String> values = new ArrayList<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(registry))) {
            List<String[]> rows = csv.readAll();
            List<String> header = List.of(rows.get(0));
            for (String[] row : rows.subList(1, rows.size())) {
                for (String column : List.of("name", "name_kana", "birth_date", "address_town", "address_block",
                        "address_building")) {
                    int i = header.indexOf(column);
                    String v = i < row.length ? row[i] : "";
                    if (v.codePointCount(0, v.length()) >= 4 && !values.contains(v)) {
                        values.add(v);
                        // a name's family part alone is also personal
                        if (column.startsWith("name") && v.contains(" ")) {
                            values.add(v.substring(0, v.indexOf(' ')) + " ");
                        }
                    }
                }
            }
        }
        return values;
    }
}
