package io.vigil.tools.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Column encodings the incident tables share: doubles whose NaN is stored as NULL (neither store
 * treats NaN alike), and lists of evidence ids as JSON arrays in TEXT columns.
 */
final class IncidentColumns {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private IncidentColumns() {}

  static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
    if (Double.isNaN(value)) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  static double getDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? Double.NaN : value;
  }

  static String writeList(List<String> values) {
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + values + " as JSON", e);
    }
  }

  static List<String> readList(String json) {
    try {
      return List.copyOf(MAPPER.readValue(json, STRINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
    }
  }
}
