package jp.expirynotices.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import jp.expirynotices.ExpiryNoticesApplication;

/** Runs the whole application in-process against a file HSQLDB in a temporary folder, as an operator would. */
final class JobRun {

    final Path dir;
    final Path out;
    final String dbUrl;

    JobRun(Path dir) {
        this.dir = dir;
        this.out = dir.resolve("out");
        this.dbUrl = "jdbc:hsqldb:file:" + dir.resolve("db/notices") + ";hsqldb.write_delay=false;shutdown=true";
    }

    int run(Path input, String runDate, String... extra) {
        return ExpiryNoticesApplication.run(args(input, runDate, extra).toArray(String[]::new));
    }

    /** The command-line arguments of a run, as an operator would type them. */
    List<String> args(Path input, String runDate, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output-dir=" + out,
                "--run-date=" + runDate, "--spring.datasource.url=" + dbUrl));
        args.addAll(List.of(extra));
        return args;
    }

    Path folder(String runDate) {
        return out.resolve(runDate);
    }

    List<String> lines(String runDate, String file) {
        try {
            return Files.readAllLines(folder(runDate).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** summary.csv value of one metric. */
    String metric(String runDate, String name) {
        return lines(runDate, "summary.csv").stream()
                .filter(l -> l.startsWith(name + ","))
                .map(l -> l.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(dbUrl, "SA", ""));
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }
}
