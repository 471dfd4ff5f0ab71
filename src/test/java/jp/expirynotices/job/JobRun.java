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

/**
 * Runs the whole application in-process against a file HSQLDB in a temporary folder, as an operator would. Public
 * for the robustness catalogue ({@code jp.expirynotices.robustness}).
 */
public final class JobRun {

    public final Path dir;
    public final Path out;
    final String dbUrl;

    /** What the operator got from one run: the exit code and everything written to stderr (the log). */
    public record Outcome(int exitCode, String stderr) {
    }

    public JobRun(Path dir) {
        this.dir = dir;
        this.out = dir.resolve("out");
        this.dbUrl = "jdbc:hsqldb:file:" + dir.resolve("db/notices") + ";hsqldb.write_delay=false;shutdown=true";
    }

    public int run(Path input, String runDate, String... extra) {
        return ExpiryNoticesApplication.run(args(input, runDate, extra).toArray(String[]::new));
    }

    /**
     * {@link #run} with stderr captured (the log goes to stderr, as in production; logback's console appender
     * writes to whatever {@code System.err} is at the time) and still echoed to the real stderr.
     */
    public Outcome runCapturingStderr(Path input, String runDate, String... extra) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream tee = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            int code = run(input, runDate, extra);
            tee.flush();
            return new Outcome(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** The command-line arguments of a run, as an operator would type them. */
    public List<String> args(Path input, String runDate, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output-dir=" + out,
                "--run-date=" + runDate, "--spring.datasource.url=" + dbUrl));
        args.addAll(List.of(extra));
        return args;
    }

    public Path folder(String runDate) {
        return out.resolve(runDate);
    }

    public List<String> lines(String runDate, String file) {
        try {
            return Files.readAllLines(folder(runDate).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** summary.csv value of one metric. */
    public String metric(String runDate, String name) {
        return lines(runDate, "summary.csv").stream()
                .filter(l -> l.startsWith(name + ","))
                .map(l -> l.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(dbUrl, "SA", ""));
    }

    public static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }
}
