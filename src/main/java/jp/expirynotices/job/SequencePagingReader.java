package jp.expirynotices.job;

import java.util.ArrayList;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.AbstractPagingItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads a worker's range of the mailing order (sequence keys {@code from} to {@code to}) a page at a time, each page
 * a range of the key's index that starts right after the last row read.
 *
 * <p>Why not Spring Batch's {@code JdbcPagingItemReader}: it adds {@code key > :last} to the range's own
 * {@code BETWEEN}, and HSQLDB starts every page at the range's lower bound and skips the rows read before, row by
 * row: a worker's 25th page of 2 000 walked 48 000 rows first, most of them loaded back from disk. Here the lower
 * bound itself moves. No state is saved: the query's conditions skip what a crashed run has done already.
 *
 * <p>Not final: step-scoped beans are proxied by subclassing.
 */
public class SequencePagingReader<T> extends AbstractPagingItemReader<T> {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final String keyColumn;
    private final RowMapper<T> mapper;
    private final long to;
    private long next;

    /**
     * @param select     the select list, which must include {@code keyColumn}
     * @param from       the FROM clause's tables and joins
     * @param keyColumn  the sequence key's column
     * @param conditions further conditions ({@code ""} for none), ANDed to the key's range
     */
    public SequencePagingReader(DataSource dataSource, String select, String from, String keyColumn,
                                String conditions, long fromKey, long toKey, int pageSize, RowMapper<T> mapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sql = "SELECT " + select + " FROM " + from + " WHERE " + keyColumn + " BETWEEN ? AND ?"
                + (conditions.isEmpty() ? "" : " AND " + conditions) + " ORDER BY " + keyColumn
                + " FETCH FIRST " + pageSize + " ROWS ONLY";
        this.keyColumn = keyColumn;
        this.mapper = mapper;
        this.next = fromKey;
        this.to = toKey;
        setPageSize(pageSize);
        setSaveState(false);
    }

    @Override
    protected void doReadPage() {
        var page = new ArrayList<T>(getPageSize());
        if (next <= to) {
            jdbc.query(sql, rs -> {
                page.add(mapper.mapRow(rs, page.size()));
                next = rs.getLong(keyColumn) + 1;
            }, next, to);
        }
        results = page;
    }

    /** The query of each page, for tests that check the database's plan. */
    String sql() {
        return sql;
    }
}
