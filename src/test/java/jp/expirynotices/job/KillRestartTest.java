package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.expirynotices.ExpiryNoticesApplication;

/**
 * Kills a real child process (SIGKILL) in the middle of selection, of loading the selection in mailing order, of
 * drawing letters and of writing bundles, then runs the same command again: the run completes with the oracle's
 * letters, each exactly once, and leaves no staged selection behind.
 */
class KillRestartTest {

    static final String RUN_DATE = "2026-11-24";
    static final String[] SMALL_CHUNKS = {"--notices.chunk-size=5", "--notices.bundle-size=10"};
    static final Pattern FIXTURE_ID = Pattern.compile("^([A-Z][0-9]+),");

    @TempDir
    static Path shared;
    static Path registry;
    static List<String> oracleManifest;
    static List<String> oracleLedger;

    @BeforeAll
    static void oracle() throws IOException {
        registry = shared.resolve("registry.csv");
        List<String> fixture = Files.readAllLines(JobRun.fixture("registry-small.csv"));
        List<String> lines = new ArrayList<>(List.of(fixture.get(0)));
        for (int copy = 1; copy <= 12; copy++) {
            String suffix = String.format("x%02d,", copy);
            for (String line : fixture.subList(1, fixture.size())) {
                lines.add(FIXTURE_ID.matcher(line).replaceFirst("$1" + suffix));
            }
        }
        Files.write(registry, lines);
        JobRun oracle = new JobRun(shared.resolve("oracle"));
        assertThat(oracle.run(registry, RUN_DATE, SMALL_CHUNKS)).isZero();
        oracleManifest = withoutHashes(oracle.lines(RUN_DATE, "manifest.csv"));
        oracleLedger = ledger(oracle);
        assertThat(oracleManifest).hasSize(1 + 5 * 12);
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"select:2", "sequence:2", "render:3", "bundle:2"})
    void killedRunIsFinishedBySameCommandWithEachLetterOnce(String point, @TempDir Path dir) throws Exception {
        JobRun job = new JobRun(dir);
        Child first = Child.start(job.args(registry, RUN_DATE, with(SMALL_CHUNKS,
                "--notices.debug-pause-at=" + point)));
        assertThat(first.awaitLine(PausePoint.MARKER + point, 120)).as("reached " + point).isTrue();
        first.process().destroyForcibly();
        first.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).doesNotExist();

        Child second = Child.start(job.args(registry, RUN_DATE, SMALL_CHUNKS));
        assertThat(second.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process().exitValue()).as(second.output()).isZero();
        assertThat(second.output()).contains("recovered");

        assertThat(withoutHashes(job.lines(RUN_DATE, "manifest.csv"))).isEqualTo(oracleManifest);
        try (Stream<Path> letters = Files.list(job.folder(RUN_DATE).resolve("letters"))) {
            assertThat(letters.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(oracleManifest.stream().skip(1).map(l -> l.split(",")[6].substring(8)).sorted()
                            .toList());
        }
        try (Stream<Path> all = Files.walk(job.folder(RUN_DATE))) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp") || name.startsWith(".selection-"));
        }
        assertThat(ledger(job)).isEqualTo(oracleLedger);
        assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).exists();
    }

    @org.junit.jupiter.api.Test
    void secondRunForTheSameDateIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
        JobRun job = new JobRun(dir);
        Child first = Child.start(job.args(registry, RUN_DATE, with(SMALL_CHUNKS, "--notices.debug-pause-at=render:1")));
        try {
            assertThat(first.awaitLine(PausePoint.MARKER + "render:1", 120)).isTrue();
            Child second = Child.start(job.args(registry, RUN_DATE, SMALL_CHUNKS));
            assertThat(second.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process().exitValue()).as(second.output()).isEqualTo(1);
            assertThat(second.output()).contains("in use by another run").doesNotContain("\tat ");
            assertThat(first.process().isAlive()).isTrue();
        } finally {
            first.process().destroyForcibly();
            first.process().waitFor(30, TimeUnit.SECONDS);
        }
        // the run-date lock alone (a shared database such as PostgreSQL has no file lock): in-process
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                job.folder(RUN_DATE).resolve(NightlyRun.LOCK_FILE), java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = ch.lock()) {
            JobRun other = new JobRun(dir.resolve("other-db"));
            List<String> args = new ArrayList<>(other.args(registry, RUN_DATE, SMALL_CHUNKS));
            args.set(1, "--output-dir=" + job.out);
            assertThat(ExpiryNoticesApplication.run(args.toArray(String[]::new))).isEqualTo(1);
            assertThat(lock.isValid()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void aLetterChangedOnDiskFailsSelfVerificationNamingTheResident(@TempDir Path dir) throws Exception {
        JobRun job = new JobRun(dir);
        Child first = Child.start(job.args(registry, RUN_DATE, with(SMALL_CHUNKS, "--notices.debug-pause-at=bundle:1")));
        assertThat(first.awaitLine(PausePoint.MARKER + "bundle:1", 120)).isTrue();
        first.process().destroyForcibly();
        first.process().waitFor(30, TimeUnit.SECONDS);
        Path letters = job.folder(RUN_DATE).resolve("letters");
        byte[] original = Files.readAllBytes(letters.resolve("C300x01.pdf"));
        Files.copy(letters.resolve("A200x01.pdf"), letters.resolve("C300x01.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Child second = Child.start(job.args(registry, RUN_DATE, SMALL_CHUNKS));
        assertThat(second.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process().exitValue()).as(second.output()).isEqualTo(1);
        assertThat(second.output()).contains("self-verification failed").contains("C300x01 (sha256 differs")
                .contains("name not found");
        assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).doesNotExist();
        // The failed chunk's letters keep their personal data (its transaction rolled back); letters checked in
        // earlier chunks were cleared as they passed.
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE RESIDENT_ID = 'C300x01' "
                + "AND NAME IS NOT NULL", Integer.class)).isEqualTo(1);
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE C JOIN EN_LETTER L "
                + "ON L.LETTER_KEY = C.SEQUENCE_KEY WHERE C.NAME IS NULL", Integer.class)).isPositive();

        // The letter put back, the same command goes on checking the letters not yet checked, and completes.
        Files.write(letters.resolve("C300x01.pdf"), original);
        Child third = Child.start(job.args(registry, RUN_DATE, SMALL_CHUNKS));
        assertThat(third.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(third.process().exitValue()).as(third.output()).isZero();
        assertThat(job.folder(RUN_DATE).resolve("_SUCCESS")).exists();
        assertThat(job.jdbc().queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE NAME IS NOT NULL",
                Integer.class)).as("personal data cleared after the run").isZero();
    }

    private static String[] with(String[] base, String extra) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = extra;
        return all;
    }

    /** Manifest rows without sha256 (a redrawn PDF has a new creation date, so new bytes). */
    private static List<String> withoutHashes(List<String> manifest) {
        return manifest.stream().map(l -> {
            String[] f = l.split(",", -1);
            f[8] = "";
            return String.join(",", f);
        }).toList();
    }

    private static List<String> ledger(JobRun job) {
        return job.jdbc().queryForList("SELECT RESIDENT_ID || ',' || KIND || ',' || EXPIRES_ON FROM EN_NOTICE_LEDGER "
                + "ORDER BY 1", String.class);
    }
}
