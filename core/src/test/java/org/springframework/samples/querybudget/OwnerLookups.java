package org.springframework.samples.querybudget;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Application code whose package starts with a framework's prefix, as the Spring PetClinic sample's does
 * ({@code org.springframework.samples.petclinic}): QueryBudget must still see it as the application.
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
