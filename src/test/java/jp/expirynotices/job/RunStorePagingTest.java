package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.registry.Resident;

/** The paged and batched database access of large runs gives what the one-query-per-row code gave. */
class RunStorePagingTest {

    private static final long INSTANCE = 7;

    private static RunStore store(String name) throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:hsqldb:mem:" + name, "SA", "");
        new NoticeSchema(ds).afterPropertiesSet();
        return new RunStore(new JdbcTemplate(ds));
    }

    static Candidate candidate(int line, String id, String postal, Candidate.Status status) {
        Resident r = new Resident(line, id, "山田 太郎", "", LocalDate.of(1980, 1, 1), postal, "東京都豊島区南池袋",
                "1-2-3", "", LocalDate.of(2030, 1, 1), List.of(), false);
        return new Candidate(r, status, status == Candidate.Status.HELD ? "HOLD_MAIL" : null,
                LocalDate.of(2027, 1, 1), "AUTH", ExpiryReason.OWN_LIMIT, Set.of(), 0);
    }

    /** The selected ones numbered in mailing order, as the sequence step stages them (see SequenceTaskletTest). */
    static List<Candidate> numbered(List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>();
        int sequence = 0;
        for (Candidate c : candidates.stream().sorted(Comparator.comparing((Candidate c) -> c.resident().postalCode())
                .thenComparing(Candidate::residentId)).toList()) {
            out.add(c.status() == Candidate.Status.SELECTED ? c.numbered(++sequence) : c);
        }
        return out;
    }

    @Test
    void readersBySequenceUseTheSequenceKeyIndexAndSeeOnlyTheirRun() throws Exception {
        RunStore store = store("sequencekey");
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candidates.add(candidate(i + 2, "R" + i, "17000" + (10 + i % 7), Candidate.Status.SELECTED));
        }
        for (long instance : new long[] {INSTANCE, INSTANCE + 1}) {
            store.insertCandidates(instance, numbered(candidates));
        }
        List<Integer> slice = new ArrayList<>();
        store.manifest(INSTANCE + 1, 28, Integer.MAX_VALUE, m -> slice.add(m.sequence()));
        assertThat(slice).containsExactly(28, 29, 30);

        // The page queries of the render and check readers: the database must read them from the key's index,
        // not walk the run's rows through the mailing-order index (the reason SEQUENCE_KEY exists), and each page
        // must start where the last one ended, not at the range's start (Spring Batch's paging reader did).
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:hsqldb:mem:sequencekey", "SA", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        store.recordLetters(INSTANCE, LocalDate.of(2026, 11, 24), List.of(
                new LetterRecord("x", 6, "letters/x.pdf", 2, "a".repeat(64), "", List.of()),
                new LetterRecord("y", 9, "letters/y.pdf", 2, "a".repeat(64), "", List.of())));
        var pending = new SequencePagingReader<>(ds, "SEQUENCE_KEY, SEQUENCE_NO", "EN_CANDIDATE",
                "SEQUENCE_KEY", "NOT EXISTS (SELECT 1 FROM EN_LETTER L WHERE L.LETTER_KEY = EN_CANDIDATE.SEQUENCE_KEY)",
                RunStore.sequenceKey(INSTANCE, 3), RunStore.sequenceKey(INSTANCE, 12), 2,
                (rs, n) -> rs.getInt("SEQUENCE_NO"));
        var recorded = new SequencePagingReader<>(ds, "SEQUENCE_KEY, SEQUENCE_NO, LETTER_FILE",
                "EN_CANDIDATE JOIN EN_LETTER ON LETTER_KEY = SEQUENCE_KEY", "SEQUENCE_KEY", "NAME IS NOT NULL",
                RunStore.sequenceKey(INSTANCE, 1), RunStore.sequenceKey(INSTANCE, 30), 2,
                (rs, n) -> rs.getInt("SEQUENCE_NO") + ":" + rs.getString("LETTER_FILE"));
        assertThat(readAll(pending)).containsExactly(3, 4, 5, 7, 8, 10, 11, 12);
        assertThat(readAll(recorded)).containsExactly("6:letters/x.pdf", "9:letters/y.pdf");
        for (var reader : List.of(pending, recorded)) {
            long pageStart = RunStore.sequenceKey(INSTANCE, 5);
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN PLAN FOR " + reader.sql()
                    .replaceFirst("\\?", Long.toString(pageStart))
                    .replaceFirst("\\?", Long.toString(RunStore.sequenceKey(INSTANCE, 12))), String.class));
            assertThat(plan).contains("index=EN_CANDIDATE_SEQUENCE_KEY");
            assertThat(plan.substring(plan.indexOf("start conditions=[")))
                    .as(plan).startsWith("start conditions=[\n    GREATER_EQUAL")
                    .contains("VALUE = " + pageStart + ",");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE SEQUENCE_KEY BETWEEN ? AND ?",
                Long.class, RunStore.sequenceKey(INSTANCE, 1), RunStore.sequenceKey(INSTANCE, Integer.MAX_VALUE)))
                .isEqualTo(30L);
    }

    private static JdbcTemplate database(String name) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:" + name, "SA", ""));
    }

    /** Brings a database of an earlier version up to date, and again: the upgrade must be idempotent. */
    private static void upgradeTwice(JdbcTemplate jdbc) throws Exception {
        new NoticeSchema(jdbc.getDataSource()).afterPropertiesSet();
        new NoticeSchema(jdbc.getDataSource()).afterPropertiesSet();
    }

    private static <T> List<T> readAll(SequencePagingReader<T> reader) throws Exception {
        List<T> items = new ArrayList<>();
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        for (T item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        reader.close();
        return items;
    }

    @Test
    void personalDataIsClearedBySliceOfTheMailingOrderThenForTheHeld() throws Exception {
        RunStore store = store("purge");
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(candidate(i + 2, "R" + i, "1700001", i % 4 == 3 ? Candidate.Status.HELD
                    : Candidate.Status.SELECTED));
        }
        for (long instance : new long[] {INSTANCE, INSTANCE + 1}) {
            store.insertCandidates(instance, numbered(candidates));
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:purge", "SA", ""));
        String named = "SELECT COALESCE(SEQUENCE_NO, 0) FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ? "
                + "AND NAME IS NOT NULL ORDER BY 1";

        assertThat(store.purgePersonalData(INSTANCE, 2, 4)).isEqualTo(3);
        assertThat(jdbc.queryForList(named, Integer.class, INSTANCE)).containsExactly(0, 0, 1, 5, 6, 7, 8);
        assertThat(store.purgePersonalData(INSTANCE, 1, 8)).isEqualTo(5);
        assertThat(store.purgeHeldPersonalData(INSTANCE)).isEqualTo(2);
        assertThat(jdbc.queryForList(named, Integer.class, INSTANCE)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE NAME_KANA IS NOT NULL "
                + "OR BIRTH_DATE IS NOT NULL OR ADDRESS_TOWN IS NOT NULL", Integer.class)).isEqualTo(10);
        // another run's rows are untouched
        assertThat(jdbc.queryForList(named, Integer.class, INSTANCE + 1)).hasSize(10);
    }

    @Test
    void lettersAreRecordedInTheirOwnTableReadBackByTheManifestAndCountedPerRun() throws Exception {
        RunStore store = store("letters");
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(candidate(i + 2, "R" + i, "1700001", Candidate.Status.SELECTED));
        }
        for (long instance : new long[] {INSTANCE, INSTANCE + 1}) {
            store.insertCandidates(instance, numbered(candidates));
        }
        LocalDate runDate = LocalDate.of(2026, 11, 24);
        List<LetterRecord> written = new ArrayList<>();
        for (int seq = 1; seq <= 4; seq++) {
            written.add(new LetterRecord("R" + (seq - 1), seq, "letters/R" + (seq - 1) + ".pdf", 2, "a".repeat(64),
                    seq == 2 ? "" : "1700001-1-2-3", List.of(new LetterRecord.NotifiedCertificate(
                            CertificateKind.AUTH, LocalDate.of(2027, 1, seq)))));
        }
        store.recordLetters(INSTANCE, runDate, written);
        store.recordBundle(INSTANCE, "print/bundle-0001.pdf", new int[] {1, 2, 3}, new int[] {1, 3, 5});

        List<String> manifest = new ArrayList<>();
        store.manifest(INSTANCE, m -> manifest.add(m.sequence() + ":" + m.letterFile() + ":" + m.pages() + ":"
                + m.bundleFile() + ":" + m.bundleFirstPage()));
        assertThat(manifest).containsExactly("1:letters/R0.pdf:2:print/bundle-0001.pdf:1",
                "2:letters/R1.pdf:2:print/bundle-0001.pdf:3", "3:letters/R2.pdf:2:print/bundle-0001.pdf:5",
                "4:letters/R3.pdf:2:null:null", "5:null:null:null:null", "6:null:null:null:null");
        assertThat(store.letterTotals(INSTANCE)).isEqualTo(new RunStore.LetterTotals(4, 8, 1, 1));
        assertThat(store.letterTotals(INSTANCE + 1)).isEqualTo(new RunStore.LetterTotals(0, 0, 0, 0));
        // The bundles' look-up: this run's files in a sequence range, in mailing order.
        List<String> files = new ArrayList<>();
        store.letterFiles(INSTANCE, 2, 5, (sequence, file) -> files.add(sequence + ":" + file));
        assertThat(files).containsExactly("2:letters/R1.pdf", "3:letters/R2.pdf", "4:letters/R3.pdf");
        store.letterFiles(INSTANCE + 1, 1, 6, (sequence, file) -> files.add(sequence + ":" + file));
        assertThat(files).hasSize(3);

        // A select step done again forgets its run's letters, not another run's.
        store.recordLetters(INSTANCE + 1, runDate, List.of(new LetterRecord("R0", 1, "letters/R0.pdf", 2,
                "b".repeat(64), "", List.of())));
        store.clearSelection(INSTANCE);
        assertThat(store.letterTotals(INSTANCE).letters()).isZero();
        assertThat(store.letterTotals(INSTANCE + 1).letters()).isEqualTo(1);
    }

    @Test
    void aDatabaseWithLettersOnTheCandidateRowsHasThemMovedToTheLetterTable() throws Exception {
        JdbcTemplate jdbc = database("lettercolumns");
        // EN_CANDIDATE as versions before EN_LETTER made it: the letter's record on the candidate's row.
        jdbc.execute("CREATE TABLE EN_CANDIDATE (JOB_INSTANCE_ID BIGINT NOT NULL, RESIDENT_ID VARCHAR(32) NOT NULL, "
                + "STATUS VARCHAR(16) NOT NULL, SEQUENCE_NO INTEGER, SEQUENCE_KEY BIGINT, POSTAL_CODE CHAR(7), "
                + "LETTER_FILE VARCHAR(200), PAGES INTEGER, SHA256 CHAR(64), CUSTOMER_BARCODE VARCHAR(67), "
                + "BUNDLE_FILE VARCHAR(40), BUNDLE_FIRST_PAGE INTEGER, PRIMARY KEY (JOB_INSTANCE_ID, RESIDENT_ID))");
        jdbc.update("INSERT INTO EN_CANDIDATE VALUES (3, 'A', 'SELECTED', 1, ?, '1700001', 'letters/A.pdf', 2, ?, "
                + "'bars', 'print/bundle-0001.pdf', 1), (3, 'B', 'SELECTED', 2, ?, '1700001', NULL, NULL, NULL, "
                + "NULL, NULL, NULL), (3, 'C', 'HELD', NULL, NULL, '1700001', NULL, NULL, NULL, NULL, NULL, NULL)",
                RunStore.sequenceKey(3, 1), "c".repeat(64), RunStore.sequenceKey(3, 2));

        upgradeTwice(jdbc);

        assertThat(jdbc.queryForList("SELECT LETTER_KEY || ':' || LETTER_FILE || ':' || PAGES || ':' || SHA256 "
                + "|| ':' || CUSTOMER_BARCODE || ':' || BUNDLE_FILE || ':' || BUNDLE_FIRST_PAGE FROM EN_LETTER",
                String.class)).containsExactly(RunStore.sequenceKey(3, 1) + ":letters/A.pdf:2:" + "c".repeat(64)
                        + ":bars:print/bundle-0001.pdf:1");
        assertThat(jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_NAME = 'EN_CANDIDATE'", String.class))
                .contains("SEQUENCE_KEY").doesNotContain("LETTER_FILE", "PAGES", "SHA256", "BUNDLE_FILE");
    }

    @Test
    void aDatabaseOfAnEarlierVersionGetsTheSequenceKey() throws Exception {
        JdbcTemplate jdbc = database("earlier");
        // EN_CANDIDATE as the first release made it: no SEQUENCE_KEY, an index by (run, sequence number).
        jdbc.execute("CREATE TABLE EN_CANDIDATE (JOB_INSTANCE_ID BIGINT NOT NULL, RESIDENT_ID VARCHAR(32) NOT NULL, "
                + "STATUS VARCHAR(16) NOT NULL, SEQUENCE_NO INTEGER, POSTAL_CODE CHAR(7), "
                + "PRIMARY KEY (JOB_INSTANCE_ID, RESIDENT_ID))");
        jdbc.execute("CREATE INDEX EN_CANDIDATE_SEQUENCE ON EN_CANDIDATE (JOB_INSTANCE_ID, SEQUENCE_NO)");
        jdbc.update("INSERT INTO EN_CANDIDATE VALUES (3, 'A', 'SELECTED', 2, '1700001'), "
                + "(3, 'B', 'HELD', NULL, '1700001')");

        upgradeTwice(jdbc);

        assertThat(jdbc.queryForList("SELECT SEQUENCE_KEY FROM EN_CANDIDATE ORDER BY RESIDENT_ID", Long.class))
                .containsExactly(RunStore.sequenceKey(3, 2), null);
        assertThat(jdbc.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO "
                + "WHERE TABLE_NAME = 'EN_CANDIDATE'", String.class))
                .contains("EN_CANDIDATE_SEQUENCE_KEY").doesNotContain("EN_CANDIDATE_SEQUENCE");
    }

    @Test
    void ledgerOfAChunkAnswersLikeTheLookUpPerResident() throws Exception {
        RunStore store = store("ledger");
        LocalDate e1 = LocalDate.of(2027, 1, 10);
        LocalDate e2 = LocalDate.of(2027, 2, 20);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:ledger", "SA", ""));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String id = "R" + i;
            ids.add(id);
            if (i % 3 == 0) {
                jdbc.update("INSERT INTO EN_NOTICE_LEDGER VALUES (?, 'AUTH', ?, ?, ?, 'x')", id, e1,
                        LocalDate.of(2026, 10, 1), i % 2 == 0 ? 1L : INSTANCE);
            }
            if (i % 5 == 0) {
                jdbc.update("INSERT INTO EN_NOTICE_LEDGER VALUES (?, 'SIGN', ?, ?, 1, 'x')", id, i % 10 == 0 ? e2 : e1,
                        LocalDate.of(2026, 10, 1));
            }
        }
        Map<CertificateKind, LocalDate> expiries = Map.of(CertificateKind.AUTH, e1, CertificateKind.SIGN, e2);
        for (int n : new int[] {1, 2, 3, 64, 65, 512, 700}) {
            Screener.Ledger batch = store.ledgerOf(ids.subList(0, n), INSTANCE);
            for (String id : ids.subList(0, n)) {
                assertThat(batch.alreadyNotified(id, expiries)).as(id)
                        .isEqualTo(store.alreadyNotified(id, expiries, INSTANCE));
            }
        }
        assertThat(store.ledgerOf(List.of("R0"), INSTANCE).alreadyNotified("R0", expiries))
                .isEqualTo(EnumSet.of(CertificateKind.AUTH, CertificateKind.SIGN));
    }
}
