package jp.expirynotices.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates our own tables (idempotent DDL, HSQLDB and PostgreSQL alike). An HSQLDB database gets row-level locking
 * (MVCC) and, as a file database, writes each commit to disk at once, so that a killed process loses no committed
 * letter record, and keeps our tables on disk (CACHED) so that the heap does not grow with the registry.
 */
@Component
public class NoticeSchema implements InitializingBean {

    /** Rows of a query result that HSQLDB keeps in memory; larger results go to a temporary file. */
    static final int RESULT_MEMORY_ROWS = 10_000;

    private final DataSource dataSource;

    public NoticeSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        addMissingColumns();
        new ResourceDatabasePopulator(new ClassPathResource("db/notices-schema.sql")).execute(dataSource);
        moveLetterRecords();
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String url = c.getMetaData().getURL();
            if (product.startsWith("HSQL")) {
                try (Statement s = c.createStatement()) {
                    // Row locks, not table locks: render workers write their letters' rows side by side.
                    s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                    if (url.contains(":file:")) {
                        s.execute("SET FILES WRITE DELAY FALSE");
                        // Our tables grow with the registry and the ledger with the years: CACHED tables keep
                        // only a bounded cache of rows in the heap (MEMORY tables, HSQLDB's default, hold all).
                        cached(s, "EN_CANDIDATE", "EN_LETTER", "EN_REJECT", "EN_NOTICE_LEDGER");
                    }
                    // Large query results (manifest, rejects, held) are kept on disk, not in the heap.
                    s.execute("SET DATABASE DEFAULT RESULT MEMORY ROWS " + RESULT_MEMORY_ROWS);
                }
            }
        }
    }

    /**
     * Columns added since the first release, added to a database made by an earlier version (CREATE TABLE IF NOT
     * EXISTS leaves an existing table as it is) before the DDL's indexes refer to them.
     */
    private void addMissingColumns() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (hasTable(c, "EN_CANDIDATE") && !hasColumn(c, "EN_CANDIDATE", "SEQUENCE_KEY")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE EN_CANDIDATE ADD COLUMN SEQUENCE_KEY BIGINT");
                    s.execute("UPDATE EN_CANDIDATE SET SEQUENCE_KEY = JOB_INSTANCE_ID * " + RunStore.SEQUENCE_KEY_RUN
                            + " + SEQUENCE_NO WHERE SEQUENCE_NO IS NOT NULL");
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
    }

    /** Columns of the letter written, kept on the candidate's row by versions before EN_LETTER. */
    private static final String LETTER_COLUMNS = "LETTER_FILE, PAGES, SHA256, CUSTOMER_BARCODE, BUNDLE_FILE, "
            + "BUNDLE_FIRST_PAGE";

    /**
     * A database of a version that recorded letters on the candidate's row: its records are copied to EN_LETTER (so
     * that a run interrupted before the upgrade goes on without drawing its letters again, and manifests of earlier
     * runs stay whole), then those columns are dropped. Copy first, drop last: interrupted, it is simply done again.
     */
    private void moveLetterRecords() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!hasColumn(c, "EN_CANDIDATE", "LETTER_FILE")) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO EN_LETTER (LETTER_KEY, " + LETTER_COLUMNS + ") SELECT SEQUENCE_KEY, "
                        + LETTER_COLUMNS + " FROM EN_CANDIDATE C WHERE LETTER_FILE IS NOT NULL AND SEQUENCE_KEY "
                        + "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM EN_LETTER L WHERE L.LETTER_KEY = C.SEQUENCE_KEY)");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                for (String column : LETTER_COLUMNS.split(", ")) {
                    s.execute("ALTER TABLE EN_CANDIDATE DROP COLUMN " + column);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        // PostgreSQL keeps unquoted names in lower case, HSQLDB in upper case.
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (var rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        for (String[] name : new String[][] {{table, column},
                {table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT)}}) {
            try (var rs = c.getMetaData().getColumns(null, null, name[0], name[1])) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void cached(Statement s, String... tables) throws SQLException {
        for (String table : tables) {
            try (var rs = s.executeQuery("SELECT HSQLDB_TYPE FROM INFORMATION_SCHEMA.SYSTEM_TABLES "
                    + "WHERE TABLE_SCHEM = CURRENT_SCHEMA AND TABLE_NAME = '" + table + "'")) {
                if (!rs.next() || "CACHED".equals(rs.getString(1))) {
                    continue;
                }
            }
            s.execute("SET TABLE " + table + " TYPE CACHED");
        }
    }
}
