package jp.expirynotices.job;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.registry.Reject;
import jp.expirynotices.registry.Resident;

/**
 * The job's own tables: staged candidates and rejects of a run (keyed by job instance, so a restart finds them)
 * and the notice ledger (once per certificate, across runs).
 */
@Repository
public class RunStore {

    static final String CANDIDATE_COLUMNS = "RESIDENT_ID, STATUS, HELD_REASON, SEQUENCE_NO, INPUT_LINE, POSTAL_CODE, "
            + "EARLIEST_EXPIRY, CERTIFICATES, REASON, NOTIFIED_KINDS, NAME, NAME_KANA, BIRTH_DATE, ADDRESS_TOWN, "
            + "ADDRESS_BLOCK, ADDRESS_BUILDING, CARD_EXPIRES_ON, SIGN_ISSUED_ON, SIGN_EXPIRES_ON, SIGN_STATUS, "
            + "AUTH_ISSUED_ON, AUTH_EXPIRES_ON, AUTH_STATUS";

    private static final int MAX_REJECT_ID = 100;
    private static final int MAX_REASON = 400;

    /** Rows fetched per round trip by the streamed queries (PostgreSQL otherwise loads a whole result at once). */
    static final int STREAM_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
    }

    /** Forgets what an interrupted select step staged, so that it can run again from the first row. */
    public void clearSelection(long instanceId) {
        jdbc.update("DELETE FROM EN_LETTER WHERE LETTER_KEY BETWEEN ? AND ?", runKeys(instanceId));
        jdbc.update("DELETE FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ?", instanceId);
        jdbc.update("DELETE FROM EN_REJECT WHERE JOB_INSTANCE_ID = ?", instanceId);
    }

    /** Deletes the run's staged residents (the rows of a sequence step that did not finish). */
    public void clearCandidates(long instanceId) {
        jdbc.update("DELETE FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ?", instanceId);
    }

    public long countCandidates(long instanceId) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ?",
                Long.class, instanceId));
    }

    /** Every staged resident of a run, in no particular order, streamed. */
    public void candidates(long instanceId, Consumer<Candidate> rows) {
        streaming.query("SELECT " + CANDIDATE_COLUMNS + " FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ?",
                (ResultSet rs) -> {
                    rows.accept(CANDIDATE_MAPPER.mapRow(rs, 0));
                }, instanceId);
    }

    /** Stages residents of a run; those with a sequence number (> 0) get its sequence key (mailing order). */
    public void insertCandidates(long instanceId, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO EN_CANDIDATE (JOB_INSTANCE_ID, SEQUENCE_KEY, " + CANDIDATE_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", candidates, candidates.size(),
                (ps, c) -> {
                    Resident r = c.resident();
                    int i = 1;
                    ps.setLong(i++, instanceId);
                    if (c.sequence() > 0) {
                        ps.setLong(i++, sequenceKey(instanceId, c.sequence()));
                    } else {
                        ps.setNull(i++, Types.BIGINT);
                    }
                    ps.setString(i++, r.residentId());
                    ps.setString(i++, c.status().name());
                    ps.setString(i++, c.heldReason());
                    ps.setInt(i++, c.sequence());
                    ps.setLong(i++, r.line());
                    ps.setString(i++, r.postalCode());
                    ps.setObject(i++, c.earliestExpiry());
                    ps.setString(i++, c.certificates());
                    ps.setString(i++, c.reason().name());
                    ps.setString(i++, kinds(c.notifiedKinds()));
                    ps.setString(i++, r.name());
                    ps.setString(i++, r.nameKana());
                    ps.setObject(i++, r.birthDate());
                    ps.setString(i++, r.addressTown());
                    ps.setString(i++, r.addressBlock());
                    ps.setString(i++, r.addressBuilding());
                    ps.setObject(i++, r.cardExpiresOn());
                    for (CertificateKind kind : List.of(CertificateKind.SIGN, CertificateKind.AUTH)) {
                        Optional<Certificate> cert = r.certificates().stream()
                                .filter(x -> x.kind() == kind).findFirst();
                        setDate(ps, i++, cert.map(Certificate::issuedOn).orElse(null));
                        setDate(ps, i++, cert.flatMap(Certificate::recordedExpiry).orElse(null));
                        ps.setString(i++, cert.map(x -> x.status().name()).orElse(null));
                    }
                });
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, date);
        }
    }

    public void insertRejects(long instanceId, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO EN_REJECT (JOB_INSTANCE_ID, LINE_NO, RESIDENT_ID, COLUMN_NAME, REASON) "
                + "VALUES (?,?,?,?,?)", rejects, rejects.size(), (ps, r) -> {
                    ps.setLong(1, instanceId);
                    ps.setLong(2, r.line());
                    ps.setString(3, truncate(r.residentId(), MAX_REJECT_ID));
                    ps.setString(4, r.column());
                    ps.setString(5, truncate(r.reason(), MAX_REASON));
                });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Kinds of this resident's certificates (with these expiries) that another run already notified. */
    public Set<CertificateKind> alreadyNotified(String residentId, Map<CertificateKind, LocalDate> expiries,
                                                long instanceId) {
        Set<CertificateKind> notified = EnumSet.noneOf(CertificateKind.class);
        jdbc.query("SELECT KIND, EXPIRES_ON FROM EN_NOTICE_LEDGER WHERE RESIDENT_ID = ? AND JOB_INSTANCE_ID <> ?",
                rs -> {
                    CertificateKind kind = CertificateKind.valueOf(rs.getString(1));
                    if (rs.getObject(2, LocalDate.class).equals(expiries.get(kind))) {
                        notified.add(kind);
                    }
                }, residentId, instanceId);
        return notified;
    }

    /**
     * With an HSQLDB file database, commits of the select step need not reach the disk one by one: a select step
     * that does not finish is done again from the first row (its staged rows cleared first), so losing its last
     * half second in a crash costs nothing. Saves one disk flush per chunk. {@code false} restores a flush per
     * commit (NoticeSchema sets it at every start too).
     */
    public void relaxedCommits(boolean relaxed) {
        jdbc.execute((Connection c) -> {
            var meta = c.getMetaData();
            if (meta.getDatabaseProductName().startsWith("HSQL") && meta.getURL().contains(":file:")) {
                try (var s = c.createStatement()) {
                    s.execute(relaxed ? "SET FILES WRITE DELAY 500 MILLIS" : "SET FILES WRITE DELAY FALSE");
                }
            }
            return null;
        });
    }

    /**
     * The ledger rows of these residents written by other runs, fetched in one query, as a look-up that answers like
     * {@link #alreadyNotified}. The ids go in one array parameter: a short statement that the database compiles
     * quickly however many ids a chunk has (an IN list of hundreds of parameters, compiled again for every chunk, was
     * a tenth of the select step's thread).
     */
    public Screener.Ledger ledgerOf(List<String> residentIds, long instanceId) {
        Map<String, Map<CertificateKind, Set<LocalDate>>> notices = new HashMap<>();
        String ids = postgres() ? "RESIDENT_ID = ANY (?)" : "RESIDENT_ID IN (UNNEST(?))";
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT RESIDENT_ID, KIND, EXPIRES_ON FROM EN_NOTICE_LEDGER "
                    + "WHERE JOB_INSTANCE_ID <> ? AND " + ids);
            ps.setLong(1, instanceId);
            ps.setArray(2, con.createArrayOf("VARCHAR", residentIds.toArray()));
            return ps;
        }, rs -> {
            notices.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(CertificateKind.class))
                    .computeIfAbsent(CertificateKind.valueOf(rs.getString(2)), k -> new HashSet<>())
                    .add(rs.getObject(3, LocalDate.class));
        });
        if (notices.isEmpty()) {
            return Screener.Ledger.NONE;   // the usual chunk: none of its residents was notified before
        }
        return (residentId, expiries) -> {
            Map<CertificateKind, Set<LocalDate>> byKind = notices.get(residentId);
            Set<CertificateKind> notified = EnumSet.noneOf(CertificateKind.class);
            if (byKind != null) {
                byKind.forEach((kind, dates) -> {
                    if (dates.contains(expiries.get(kind))) {
                        notified.add(kind);
                    }
                });
            }
            return notified;
        };
    }

    /** Sequence keys of one run: one per 2^32, so that a run's keys are one range of their own. */
    static final long SEQUENCE_KEY_RUN = 1L << 32;

    /**
     * The run and a sequence number in one value (column SEQUENCE_KEY), for readers in mailing order: a condition
     * on this column alone is a range the database reads from its own index (see notices-schema.sql).
     */
    public static long sequenceKey(long instanceId, long sequenceNo) {
        return instanceId * SEQUENCE_KEY_RUN + sequenceNo;
    }

    /** The first and last sequence key of a run: its rows of EN_LETTER, read from the key's index. */
    private static Object[] runKeys(long instanceId) {
        return new Object[] {sequenceKey(instanceId, 0), sequenceKey(instanceId, SEQUENCE_KEY_RUN - 1)};
    }

    private Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) ->
                    c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")));
        }
        return postgres;
    }

    public long countSelected(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ? AND STATUS = 'SELECTED'",
                Long.class, instanceId);
    }

    /** Records written letters and their ledger rows: one transaction with the chunk. */
    public void recordLetters(long instanceId, LocalDate runDate, List<LetterRecord> letters) {
        jdbc.batchUpdate("INSERT INTO EN_LETTER (LETTER_KEY, LETTER_FILE, PAGES, SHA256, CUSTOMER_BARCODE) "
                + "VALUES (?,?,?,?,?)", letters, letters.size(), (ps, l) -> {
                    ps.setLong(1, sequenceKey(instanceId, l.sequence()));
                    ps.setString(2, l.letterFile());
                    ps.setInt(3, l.pages());
                    ps.setString(4, l.sha256());
                    ps.setString(5, l.customerBarcode());
                });
        List<Object[]> ledger = new ArrayList<>();
        for (LetterRecord l : letters) {
            for (LetterRecord.NotifiedCertificate n : l.notified()) {
                ledger.add(new Object[] {l.residentId(), n.kind().name(), Date.valueOf(n.expiry()),
                        Date.valueOf(runDate), instanceId, l.letterFile()});
            }
        }
        jdbc.batchUpdate("INSERT INTO EN_NOTICE_LEDGER (RESIDENT_ID, KIND, EXPIRES_ON, RUN_DATE, JOB_INSTANCE_ID, "
                + "LETTER_FILE) VALUES (?,?,?,?,?,?)", ledger);
    }

    /** Where each letter of one bundle sits: its letters' sequence numbers and first pages, in one batch. */
    public void recordBundle(long instanceId, String bundleFile, int[] sequences, int[] firstPages) {
        List<Object[]> args = new ArrayList<>(sequences.length);
        for (int i = 0; i < sequences.length; i++) {
            args.add(new Object[] {bundleFile, firstPages[i], sequenceKey(instanceId, sequences[i])});
        }
        jdbc.batchUpdate("UPDATE EN_LETTER SET BUNDLE_FILE = ?, BUNDLE_FIRST_PAGE = ? WHERE LETTER_KEY = ?", args);
    }

    /**
     * The letter files recorded for sequence numbers {@code from} to {@code to}, in mailing order: from EN_LETTER
     * alone, its narrow rows along its key, for the bundles (the manifest's join reads the wide resident rows too).
     */
    public void letterFiles(long instanceId, int from, int to, BiConsumer<Integer, String> files) {
        long first = sequenceKey(instanceId, 0);
        streaming.query("SELECT LETTER_KEY, LETTER_FILE FROM EN_LETTER WHERE LETTER_KEY BETWEEN ? AND ? "
                        + "ORDER BY LETTER_KEY",
                (ResultSet rs) -> {
                    files.accept((int) (rs.getLong(1) - first), rs.getString(2));
                }, sequenceKey(instanceId, from), sequenceKey(instanceId, to));
    }

    /** Manifest rows of the selected residents in mailing order, streamed (the result is not held in memory). */
    public void manifest(long instanceId, Consumer<ManifestRow> rows) {
        manifest(instanceId, 1, Integer.MAX_VALUE, rows);
    }

    /** Manifest rows with a sequence number from {@code from} to {@code to}, in mailing order. */
    public void manifest(long instanceId, int from, int to, Consumer<ManifestRow> rows) {
        // A dry run writes no letters: its manifest has the planned letters without files.
        streaming.query("SELECT C.SEQUENCE_NO, C.RESIDENT_ID, C.POSTAL_CODE, C.EARLIEST_EXPIRY, C.CERTIFICATES, "
                + "C.REASON, L.LETTER_FILE, L.PAGES, L.SHA256, L.CUSTOMER_BARCODE, L.BUNDLE_FILE, L.BUNDLE_FIRST_PAGE "
                + "FROM EN_CANDIDATE C LEFT JOIN EN_LETTER L ON L.LETTER_KEY = C.SEQUENCE_KEY "
                + "WHERE C.SEQUENCE_KEY BETWEEN ? AND ? ORDER BY C.SEQUENCE_KEY", (ResultSet rs) -> {
                    rows.accept(new ManifestRow(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class),
                        rs.getString(9), rs.getString(10), rs.getString(11),
                        (Integer) rs.getObject(12, Integer.class)));
                }, sequenceKey(instanceId, from), sequenceKey(instanceId, to));
    }

    /** Counts over the manifest for the summary, computed by the database. */
    public record LetterTotals(long letters, long pages, long bundles, long noBarcode) {
    }

    public LetterTotals letterTotals(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(PAGES), 0), COUNT(DISTINCT BUNDLE_FILE), "
                        + "COALESCE(SUM(CASE WHEN CUSTOMER_BARCODE IS NULL OR CUSTOMER_BARCODE = '' THEN 1 ELSE 0 END), 0) "
                        + "FROM EN_LETTER WHERE LETTER_KEY BETWEEN ? AND ?",
                (rs, n) -> new LetterTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                runKeys(instanceId));
    }

    /** held.csv rows: resident id and reason, in input order, streamed. */
    public void held(long instanceId, Consumer<String[]> rows) {
        streaming.query("SELECT RESIDENT_ID, HELD_REASON FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ? "
                        + "AND STATUS = 'HELD' ORDER BY INPUT_LINE",
                (ResultSet rs) -> {
                    rows.accept(new String[] {rs.getString(1), rs.getString(2)});
                }, instanceId);
    }

    /** The first {@code limit} rejects in line order. */
    public List<Reject> rejects(long instanceId, int limit) {
        List<Reject> out = new ArrayList<>();
        rejects(instanceId, limit, out::add);
        return out;
    }

    /** Up to {@code limit} rejects in line order, streamed. */
    public void rejects(long instanceId, long limit, Consumer<Reject> rows) {
        streaming.query("SELECT LINE_NO, RESIDENT_ID, COLUMN_NAME, REASON FROM EN_REJECT WHERE JOB_INSTANCE_ID = ? "
                + "ORDER BY LINE_NO", rs -> {
                    long n = 0;
                    while (n++ < limit && rs.next()) {
                        rows.accept(new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                    return null;
                }, instanceId);
    }

    /** Clears a staged row's personal data: it is only needed to draw and check the letters. */
    private static final String CLEAR_PERSONAL_DATA = "UPDATE EN_CANDIDATE SET NAME = NULL, NAME_KANA = NULL, "
            + "BIRTH_DATE = NULL, ADDRESS_TOWN = NULL, ADDRESS_BLOCK = NULL, ADDRESS_BUILDING = NULL ";

    /**
     * Clears the personal data of the letters with sequence numbers {@code from} to {@code to}, once they are
     * checked: the verify step clears each chunk's letters in the chunk's transaction (one transaction over 100 000
     * rows would hold every changed row in memory until its commit), read from the sequence key's index.
     */
    public int purgePersonalData(long instanceId, int from, int to) {
        return jdbc.update(CLEAR_PERSONAL_DATA + "WHERE SEQUENCE_KEY BETWEEN ? AND ? AND NAME IS NOT NULL",
                sequenceKey(instanceId, from), sequenceKey(instanceId, to));
    }

    /** As {@link #purgePersonalData(long, int, int)} for the residents held (no sequence number: no letter). */
    public int purgeHeldPersonalData(long instanceId) {
        return jdbc.update(CLEAR_PERSONAL_DATA + "WHERE JOB_INSTANCE_ID = ? AND STATUS = 'HELD' AND NAME IS NOT NULL",
                instanceId);
    }

    /** Ledger rows (resident, kind, expiry) for tests and audits. */
    public List<String> ledger() {
        return jdbc.query("SELECT RESIDENT_ID, KIND, EXPIRES_ON, RUN_DATE FROM EN_NOTICE_LEDGER "
                        + "ORDER BY RESIDENT_ID, KIND, EXPIRES_ON",
                (rs, n) -> rs.getString(1) + "," + rs.getString(2) + "," + rs.getObject(3, LocalDate.class) + ","
                        + rs.getObject(4, LocalDate.class));
    }

    /** Maps a candidate row (selected with {@link #CANDIDATE_COLUMNS}) back to a resident. */
    public static final RowMapper<Candidate> CANDIDATE_MAPPER = (rs, n) -> {
        List<Certificate> certs = new ArrayList<>(2);
        certificate(rs, CertificateKind.SIGN, "SIGN").ifPresent(certs::add);
        certificate(rs, CertificateKind.AUTH, "AUTH").ifPresent(certs::add);
        Resident resident = new Resident(rs.getLong("INPUT_LINE"), rs.getString("RESIDENT_ID"), rs.getString("NAME"),
                rs.getString("NAME_KANA"), rs.getObject("BIRTH_DATE", LocalDate.class), rs.getString("POSTAL_CODE"),
                rs.getString("ADDRESS_TOWN"), rs.getString("ADDRESS_BLOCK"), rs.getString("ADDRESS_BUILDING"),
                rs.getObject("CARD_EXPIRES_ON", LocalDate.class), certs, false);
        return new Candidate(resident, Candidate.Status.valueOf(rs.getString("STATUS")), rs.getString("HELD_REASON"),
                rs.getObject("EARLIEST_EXPIRY", LocalDate.class), rs.getString("CERTIFICATES"),
                ExpiryReason.valueOf(rs.getString("REASON")), parseKinds(rs.getString("NOTIFIED_KINDS")),
                rs.getInt("SEQUENCE_NO"));
    };

    private static Optional<Certificate> certificate(ResultSet rs, CertificateKind kind, String prefix)
            throws SQLException {
        LocalDate issued = rs.getObject(prefix + "_ISSUED_ON", LocalDate.class);
        if (issued == null) {
            return Optional.empty();
        }
        return Optional.of(new Certificate(kind, issued,
                Optional.ofNullable(rs.getObject(prefix + "_EXPIRES_ON", LocalDate.class)),
                CertificateStatus.valueOf(rs.getString(prefix + "_STATUS"))));
    }

    static String kinds(Set<CertificateKind> kinds) {
        // the usual case without a stream: this runs for every due resident
        return kinds.isEmpty() ? "" : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }

    static Set<CertificateKind> parseKinds(String joined) {
        Set<CertificateKind> kinds = EnumSet.noneOf(CertificateKind.class);
        if (joined != null && !joined.isEmpty()) {
            for (String k : joined.split(";")) {
                kinds.add(CertificateKind.valueOf(k));
            }
        }
        return kinds;
    }

    /** Expiry per kind of an assessment's certificates, for the ledger look-up. */
    static Map<CertificateKind, LocalDate> expiries(List<jp.expirynotices.expiry.CertificateExpiry> certs) {
        Map<CertificateKind, LocalDate> map = new EnumMap<>(CertificateKind.class);
        certs.forEach(c -> map.put(c.kind(), c.expiry()));
        return map;
    }
}
