package io.vigil.server.hostile;

import io.vigil.tools.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the store holds, table by table: the row count and a digest of every row, for every table of
 * the store's schema (found from the database's metadata, so that a table added later is covered
 * too). Two equal digests mean no row was added, removed or changed.
 *
 * <p>One thing a refused request may write, by design: a refused approval or rejection is recorded
 * in its incident's timeline and in the audit log ("every refusal is recorded ... and changes
 * nothing else", says {@code ApprovalService}). Those two tables, and the audit log's head, are
 * kept apart as the {@code trail}: the kinds of its entries in order, so that a comparison can
 * allow refusals to be appended and nothing else.
 *
 * @param tables table name (lower case) to its rows' count and digest, the trail's tables excepted
 * @param trail every timeline event's type and audit entry's action, oldest first
 */
record StoreDigest(Map<String, TableDigest> tables, List<String> trail) {

  /** Flyway's own bookkeeping: not Vigil's data. */
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  /** Where refusals are recorded; audit_head moves with every audit entry. */
  private static final List<String> TRAIL_TABLES =
      List.of("incident_event", "audit_log", "audit_head");

  /** The trail entries a refused decision appends. */
  static final List<String> REFUSAL = List.of("event APPROVAL_REFUSED", "audit approval.refused");

  /**
   * @param rows how many rows the table holds
   * @param digest a digest of its rows that does not depend on their order
   */
  record TableDigest(long rows, String digest) {}

  static StoreDigest of(Database database) {
    try (Connection connection = database.connection()) {
      Map<String, TableDigest> tables = new TreeMap<>();
      for (String table : tables(connection)) {
        String name = table.toLowerCase(Locale.ROOT);
        if (!TRAIL_TABLES.contains(name)) {
          tables.put(name, digest(connection, table));
        }
      }
      List<String> trail = new ArrayList<>();
      column(connection, "SELECT type FROM incident_event ORDER BY seq", "event ", trail);
      column(connection, "SELECT action FROM audit_log ORDER BY seq", "audit ", trail);
      return new StoreDigest(tables, trail);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store's tables", e);
    }
  }

  /**
   * The entries appended to the trail since {@code earlier}.
   *
   * @throws AssertionError if the trail lost or changed any of {@code earlier}'s entries
   */
  List<String> appendedSince(StoreDigest earlier) {
    List<String> events = kinds("event ", trail);
    List<String> audits = kinds("audit ", trail);
    List<String> earlierEvents = kinds("event ", earlier.trail);
    List<String> earlierAudits = kinds("audit ", earlier.trail);
    if (!events.subList(0, Math.min(events.size(), earlierEvents.size())).equals(earlierEvents)
        || !audits
            .subList(0, Math.min(audits.size(), earlierAudits.size()))
            .equals(earlierAudits)) {
      throw new AssertionError("the trail was rewritten, not appended to: " + trail);
    }
    List<String> appended = new ArrayList<>(events.subList(earlierEvents.size(), events.size()));
    appended.addAll(audits.subList(earlierAudits.size(), audits.size()));
    return appended;
  }

  private static List<String> kinds(String prefix, List<String> trail) {
    return trail.stream().filter(entry -> entry.startsWith(prefix)).toList();
  }

  private static void column(Connection connection, String sql, String prefix, List<String> into)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        into.add(prefix + rows.getString(1));
      }
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        metadata.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String name = rows.getString("TABLE_NAME");
        if (!name.equalsIgnoreCase(FLYWAY_HISTORY)) {
          tables.add(name);
        }
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("the store's schema lists no tables");
    }
    return tables;
  }

  /** Rows are hashed one by one and the hashes summed, so that row order does not matter. */
  private static TableDigest digest(Connection connection, String table) throws SQLException {
    long rows = 0;
    byte[] sum = new byte[32];
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= columns; column++) {
          row.append(result.getString(column)).append('\u0001');
        }
        add(sum, sha256(row.toString()));
        rows++;
      }
    }
    return new TableDigest(rows, HexFormat.of().formatHex(sum));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Byte-wise addition with carry: a sum of digests is the same in any order. */
  private static void add(byte[] sum, byte[] digest) {
    int carry = 0;
    for (int i = sum.length - 1; i >= 0; i--) {
      int total = (sum[i] & 0xff) + (digest[i] & 0xff) + carry;
      sum[i] = (byte) total;
      carry = total >>> 8;
    }
  }
}
