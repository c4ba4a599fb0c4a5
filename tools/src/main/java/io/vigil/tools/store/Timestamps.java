package io.vigil.tools.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same way on both stores. */
public final class Timestamps {

  private Timestamps() {}

  public static void set(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(
        index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  public static Instant get(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
