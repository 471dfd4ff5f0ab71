package jp.expirynotices.job;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what an interrupted select step staged, so that it can run again from the first row. */
    public void clearSelection(long instanceId) {
        jdbc.update("DELETE FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ?", instanceId);
        jdbc.update("DELETE FROM EN_REJECT WHERE JOB_INSTANCE_ID = ?", instanceId);
    }

    public void insertCandidates(long instanceId, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO EN_CANDIDATE (JOB_INSTANCE_ID, " + CANDIDATE_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", candidates, candidates.size(),
                (ps, c) -> {
                    Resident r = c.resident();
                    int i = 1;
                    ps.setLong(i++, instanceId);
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

    private static void setDate(java.sql.PreparedStatement ps, int i, LocalDate date) throws SQLException {
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

    /** Numbers the selected residents in mailing order: postal code, then resident id (binary order). */
    public int assignSequence(long instanceId) {
        List<String[]> keys = jdbc.query("SELECT POSTAL_CODE, RESIDENT_ID FROM EN_CANDIDATE "
                        + "WHERE JOB_INSTANCE_ID = ? AND STATUS = 'SELECTED'",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, instanceId);
        // Sorted here, not in SQL: PostgreSQL's locale collation would order ids differently from HSQLDB's.
        keys.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
        List<Object[]> args = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            args.add(new Object[] {i + 1, instanceId, keys.get(i)[1]});
        }
        jdbc.batchUpdate("UPDATE EN_CANDIDATE SET SEQUENCE_NO = ? WHERE JOB_INSTANCE_ID = ? AND RESIDENT_ID = ?",
                args);
        return keys.size();
    }

    /** Selected residents whose letter is not yet recorded, in mailing order. */
    public static String pendingLettersWhere() {
        return "JOB_INSTANCE_ID = :instanceId AND STATUS = 'SELECTED' AND LETTER_FILE IS NULL";
    }

    public long countSelected(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ? AND STATUS = 'SELECTED'",
                Long.class, instanceId);
    }

    /** Records written letters and their ledger rows: one transaction with the chunk. */
    public void recordLetters(long instanceId, LocalDate runDate, List<LetterRecord> letters) {
        jdbc.batchUpdate("UPDATE EN_CANDIDATE SET LETTER_FILE = ?, PAGES = ?, SHA256 = ?, CUSTOMER_BARCODE = ? "
                + "WHERE JOB_INSTANCE_ID = ? AND RESIDENT_ID = ?", letters, letters.size(), (ps, l) -> {
                    ps.setString(1, l.letterFile());
                    ps.setInt(2, l.pages());
                    ps.setString(3, l.sha256());
                    ps.setString(4, l.customerBarcode());
                    ps.setLong(5, instanceId);
                    ps.setString(6, l.residentId());
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

    public void recordBundle(long instanceId, String residentId, String bundleFile, int firstPage) {
        jdbc.update("UPDATE EN_CANDIDATE SET BUNDLE_FILE = ?, BUNDLE_FIRST_PAGE = ? "
                + "WHERE JOB_INSTANCE_ID = ? AND RESIDENT_ID = ?", bundleFile, firstPage, instanceId, residentId);
    }

    /** Manifest rows of the selected residents in mailing order. */
    public List<ManifestRow> manifest(long instanceId) {
        return jdbc.query("SELECT SEQUENCE_NO, RESIDENT_ID, POSTAL_CODE, EARLIEST_EXPIRY, CERTIFICATES, REASON, "
                + "LETTER_FILE, PAGES, SHA256, CUSTOMER_BARCODE, BUNDLE_FILE, BUNDLE_FIRST_PAGE FROM EN_CANDIDATE "
                + "WHERE JOB_INSTANCE_ID = ? AND STATUS = 'SELECTED' ORDER BY SEQUENCE_NO", (rs, n) -> new ManifestRow(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class),
                        rs.getString(9), rs.getString(10), rs.getString(11),
                        (Integer) rs.getObject(12, Integer.class)), instanceId);
    }

    /** held.csv rows: resident id and reason, in input order. */
    public List<String[]> held(long instanceId) {
        return jdbc.query("SELECT RESIDENT_ID, HELD_REASON FROM EN_CANDIDATE WHERE JOB_INSTANCE_ID = ? "
                        + "AND STATUS = 'HELD' ORDER BY INPUT_LINE",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, instanceId);
    }

    public List<Reject> rejects(long instanceId, int limit) {
        return jdbc.query("SELECT LINE_NO, RESIDENT_ID, COLUMN_NAME, REASON FROM EN_REJECT WHERE JOB_INSTANCE_ID = ? "
                + "ORDER BY LINE_NO", rs -> {
                    List<Reject> out = new ArrayList<>();
                    while (rs.next() && out.size() < limit) {
                        out.add(new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                    return out;
                }, instanceId);
    }

    /** Personal data is only needed to draw the letters: cleared once the run's output is complete. */
    public void purgePersonalData(long instanceId) {
        jdbc.update("UPDATE EN_CANDIDATE SET NAME = NULL, NAME_KANA = NULL, BIRTH_DATE = NULL, ADDRESS_TOWN = NULL, "
                + "ADDRESS_BLOCK = NULL, ADDRESS_BUILDING = NULL WHERE JOB_INSTANCE_ID = ?", instanceId);
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
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
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
