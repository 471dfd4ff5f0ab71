package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sequence step loads what the select step staged: every resident once, the selected numbered in the binary
 * order of postal code and resident id, and again from the start after an interruption.
 */
class SequenceTaskletTest {

    @TempDir
    Path tmp;

    private final StepExecution step = MetaDataInstanceFactory.createStepExecution();
    private final long instance = step.getJobExecution().getJobInstanceId();

    /** A database, and residents staged in sorted runs of {@code runRows} in {@code folder}. */
    private record Fixture(RunStore store, SelectionSpill spill, List<Candidate> candidates) {

        SequenceTasklet tasklet() {
            return new SequenceTasklet(store, spill, 4, PausePoint.parse(""));
        }
    }

    private Fixture fixture(String database, String folder, int runRows, int maxRuns) throws Exception {
        SelectionSpill spill = new SelectionSpill(tmp.resolve(folder), runRows, maxRuns);
        return new Fixture(store(database), spill, staged(spill));
    }

    private RunStore store(String name) throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:hsqldb:mem:" + name, "SA", "");
        new NoticeSchema(ds).afterPropertiesSet();
        return new RunStore(new JdbcTemplate(ds));
    }

    /** Ids that sort differently as binary strings and by other collations, in three postal codes. */
    private List<Candidate> staged(SelectionSpill spill) {
        String[] ids = {"b", "B", "a-1", "a_1", "a1", "A", "Z9", "z", "0", "9-", "u_x", "x_"};
        String[] postals = {"1700001", "1700000", "1710022"};
        List<Candidate> candidates = new ArrayList<>();
        int line = 2;
        for (String postal : postals) {
            for (String id : ids) {
                candidates.add(RunStorePagingTest.candidate(line++, id + postal.substring(5), postal,
                        line % 5 == 0 ? Candidate.Status.HELD : Candidate.Status.SELECTED));
            }
        }
        SelectionSpill.Writer writer = spill.writer();
        candidates.forEach(writer::add);
        writer.finish();
        long held = candidates.stream().filter(c -> c.status() == Candidate.Status.HELD).count();
        step.getJobExecution().getExecutionContext().put(SelectionWriter.TALLY_KEY, Map.of(
                SelectionTally.SELECTED, candidates.size() - held, SelectionTally.HELD, held));
        return candidates;
    }

    /** Calls the tasklet until it has finished; the number of calls. */
    private int runToEnd(SequenceTasklet tasklet) {
        int calls = 1;
        while (call(tasklet) == RepeatStatus.CONTINUABLE) {
            calls++;
        }
        return calls;
    }

    private RepeatStatus call(SequenceTasklet tasklet) {
        return tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }

    private List<String> manifest(RunStore store) {
        List<String> rows = new ArrayList<>();
        store.manifest(instance, m -> rows.add(m.sequence() + ":" + m.residentId()));
        return rows;
    }

    private static List<String> expectedManifest(List<Candidate> candidates) {
        List<Candidate> selected = candidates.stream().filter(c -> c.status() == Candidate.Status.SELECTED)
                .sorted(Comparator.comparing((Candidate c) -> c.resident().postalCode())
                        .thenComparing(Candidate::residentId)).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            expected.add((i + 1) + ":" + selected.get(i).residentId());
        }
        return expected;
    }

    @Test
    void selectedResidentsAreNumberedInTheBinaryOrderOfPostalCodeAndIdAndTheStagedFilesDeleted() throws Exception {
        Fixture f = fixture("sequence", ".selection-1", 5, 3);
        assertThat(runToEnd(f.tasklet())).isEqualTo(36 / 4 + 1);
        assertThat(f.spill().exists()).isFalse();

        List<String> expected = expectedManifest(f.candidates());
        // Postal code 1700000 first; '-' before digits before upper case before '_' before lower case.
        assertThat(expected).startsWith("1:000", "2:9-00", "3:B00", "4:Z900", "5:a-100", "6:a100", "7:a_100");
        assertThat(manifest(f.store())).containsExactlyElementsOf(expected);
        List<String> held = new ArrayList<>();
        f.store().held(instance, h -> held.add(h[0]));
        assertThat(held).containsExactlyElementsOf(f.candidates().stream()
                .filter(c -> c.status() == Candidate.Status.HELD).map(Candidate::residentId).toList());
        assertThat(f.store().countCandidates(instance)).isEqualTo(f.candidates().size());

        // Stopped after the files were deleted but before the step's end was recorded: staged again from the
        // database, the same numbers.
        SequenceTasklet again = f.tasklet();
        assertThat(call(again)).isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(f.spill().exists()).isTrue();
        runToEnd(again);
        assertThat(f.spill().exists()).isFalse();
        assertThat(manifest(f.store())).containsExactlyElementsOf(expected);
        assertThat(f.store().countCandidates(instance)).isEqualTo(f.candidates().size());
    }

    @Test
    void residentsAnEarlierVersionStagedInTheDatabaseAreNumberedAsAnyOthers() throws Exception {
        Fixture f = fixture("sequence-upgrade", ".selection-4", 7, 8);
        f.spill().delete();
        // As versions before the sorted runs left a run whose select step completed: unnumbered rows, a few of
        // them numbered by a sequence step that did not finish.
        f.store().insertCandidates(instance, f.candidates().subList(0, 3).stream().map(c -> c.numbered(99)).toList());
        f.store().insertCandidates(instance, f.candidates().subList(3, f.candidates().size()));
        runToEnd(f.tasklet());
        assertThat(manifest(f.store())).containsExactlyElementsOf(expectedManifest(f.candidates()));
        assertThat(f.store().countCandidates(instance)).isEqualTo(f.candidates().size());
        assertThat(f.spill().exists()).isFalse();
    }

    @Test
    void aRunFileLostFromTheStagedSelectionStopsTheRunWithAMessage() throws Exception {
        Fixture f = fixture("sequence-file-lost", ".selection-5", 7, 8);
        try (var files = Files.list(f.spill().directory())) {
            Files.delete(files.sorted().findFirst().orElseThrow());
        }
        assertThatThrownBy(() -> runToEnd(f.tasklet())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds " + (f.candidates().size() - 7) + " residents, the select step counted "
                        + f.candidates().size());
        assertThat(f.spill().exists()).isTrue();
    }

    @Test
    void aRestartLoadsAgainFromTheFirstResident() throws Exception {
        Fixture f = fixture("sequence-restart", ".selection-2", 7, 8);
        SequenceTasklet interrupted = f.tasklet();
        call(interrupted);
        call(interrupted);
        assertThat(f.store().countCandidates(instance)).isEqualTo(8);
        interrupted.afterStep(step);

        runToEnd(f.tasklet());
        assertThat(f.store().countCandidates(instance)).isEqualTo(f.candidates().size());
        assertThat(manifest(f.store())).containsExactlyElementsOf(expectedManifest(f.candidates()));
    }

    @Test
    void residentsLostWithTheStagedFilesStopTheRunWithAMessage() throws Exception {
        Fixture f = fixture("sequence-lost", ".selection-3", 7, 8);
        SequenceTasklet interrupted = f.tasklet();
        call(interrupted);
        interrupted.afterStep(step);
        f.spill().delete();
        assertThatThrownBy(() -> call(f.tasklet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".selection-3 was deleted")
                .hasMessageContaining("the database has 4 of " + f.candidates().size());
    }
}
