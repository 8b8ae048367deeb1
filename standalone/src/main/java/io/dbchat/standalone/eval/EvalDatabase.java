package io.dbchat.standalone.eval;

import io.dbchat.contracts.runtime.PostgresUrl;
import io.dbchat.eval.ResultComparator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Runs gold and generated SQL on the evaluated database, each in a read-only transaction with a statement timeout. */
final class EvalDatabase {

    private final PostgresUrl url;
    private final Duration timeout;

    EvalDatabase(PostgresUrl url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    ResultComparator.Result execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
                try (ResultSet rs = st.executeQuery(sql)) {
                    return read(rs);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (url.username() != null) {
            props.setProperty("user", url.username());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        url.options().forEach(props::setProperty);
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    /** The rows of a result as the comparator takes them: column labels, and each value as JDBC returns it. */
    static ResultComparator.Result read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new ResultComparator.Result(columns, rows);
    }
}
