package jp.expirynotices.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates our own tables (idempotent DDL, HSQLDB and PostgreSQL alike). An HSQLDB database gets row-level locking
 * (MVCC) and, as a file database, writes each commit to disk at once, so that a killed process loses no committed
 * letter record.
 */
@Component
public class NoticeSchema implements InitializingBean {

    private final DataSource dataSource;

    public NoticeSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        new ResourceDatabasePopulator(new ClassPathResource("db/notices-schema.sql")).execute(dataSource);
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String url = c.getMetaData().getURL();
            if (product.startsWith("HSQL")) {
                try (Statement s = c.createStatement()) {
                    // Row locks, not table locks: render workers write their letters' rows side by side.
                    s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                    if (url.contains(":file:")) {
                        s.execute("SET FILES WRITE DELAY FALSE");
                    }
                }
            }
        }
    }
}
