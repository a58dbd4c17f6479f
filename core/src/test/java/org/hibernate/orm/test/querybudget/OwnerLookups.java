package org.hibernate.orm.test.querybudget;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Code in a package QueryBudget takes for a library's ({@code org.hibernate.orm.}, Hibernate's own): only naming it
 * in {@code application-packages} makes it the call site.
 */
public final class OwnerLookups {

    private OwnerLookups() {
    }

    /** One lookup per id, the N+1. */
    public static void lookUpEach(DataSource dataSource, int from, int to) throws SQLException {
        for (int id = from; id <= to; id++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }
        }
    }
}
