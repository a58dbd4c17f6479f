package com.fasterxml.jackson.databind.querybudget;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Stands for Jackson serializing a response after its handler returned, walking lazy associations as it goes
 * (open-session-in-view): a thread whose stack holds no application frame, only a serializer's.
 */
public final class LazySerializer {

    private LazySerializer() {
    }

    /** Serializes on a thread of its own, one lookup per id, and waits for it. */
    public static void serialize(DataSource dataSource, int from, int to) throws InterruptedException {
        Thread writer = new Thread(() -> writeEach(dataSource, from, to), "response-writer");
        writer.start();
        writer.join();
    }

    private static void writeEach(DataSource dataSource, int from, int to) {
        for (int id = from; id <= to; id++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
