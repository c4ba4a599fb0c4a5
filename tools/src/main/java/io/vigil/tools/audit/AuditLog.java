package io.vigil.tools.audit;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The append-only, hash-chained audit log ({@code audit_log}): every decision and who made it. Each
 * entry's hash covers the previous entry's hash, so altering, deleting or reordering entries breaks
 * the chain, and {@link #verify()} says where.
 *
 * <p>Appends are serialised by locking the single row of {@code audit_head} ({@code SELECT ... FOR
 * UPDATE}) in the appending transaction, which also updates it: concurrent writers queue for the
 * head and the chain never forks. The head is the last lock a transaction takes (callers append
 * last, just before they commit), so appends cannot deadlock with other row locks.
 */
public final class AuditLog {

  /** The longest actor and subject the schema keeps. */
  static final int MAX_NAME = 200;

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*){0,3}");
  private static final int MAX_ACTION = 100;
  private static final int PAGE = 1_000;
  private static final int MAX_LIMIT = 10_000;
  private static final String COLUMNS = "seq, at, actor, action, subject, detail, prev_hash, hash";

  private final Database database;
  private final InstantSource clock;

  public AuditLog(Database database, InstantSource clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Appends an entry in a transaction of its own, at the clock's time.
   *
   * @throws IllegalArgumentException if a field is malformed (see {@link #append(Connection,
   *     Instant, String, String, String, String)})
   */
  public AuditEntry append(String actor, String action, String subject, String detail) {
    requireFields(actor, action, subject, detail);
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        AuditEntry entry = append(connection, clock.instant(), actor, action, subject, detail);
        connection.commit();
        return entry;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot append to the audit log", e);
    }
  }

  /**
   * Appends an entry inside the caller's transaction, which commits or rolls back the entry with
   * its own writes. Call it last before committing: it locks the chain's head until the commit.
   *
   * @param connection a connection with auto-commit off
   * @param at when; kept at microsecond precision
   * @param actor who, not blank, at most 200 characters
   * @param action a short dotted verb in lower case, e.g. {@code proposal.approved}
   * @param subject what it was done to, at most 200 characters, possibly empty
   * @param detail the particulars
   * @throws IllegalArgumentException if a field is malformed
   * @throws IllegalStateException if auto-commit is on (the head's lock would not hold)
   */
  public AuditEntry append(
      Connection connection, Instant at, String actor, String action, String subject, String detail)
      throws SQLException {
    requireFields(actor, action, subject, detail);
    Objects.requireNonNull(at, "at");
    if (connection.getAutoCommit()) {
      throw new IllegalStateException("audit entries are appended inside a transaction");
    }
    long previousSeq;
    String previousHash;
    try (PreparedStatement head =
            connection.prepareStatement(
                "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("the audit log's head row is missing");
      }
      previousSeq = row.getLong("seq");
      previousHash = row.getString("hash");
    }
    long seq = previousSeq + 1;
    Instant stored = at.truncatedTo(ChronoUnit.MICROS);
    String hash = AuditHash.of(previousHash, seq, stored, actor, action, subject, detail);
    AuditEntry entry =
        new AuditEntry(seq, stored, actor, action, subject, detail, previousHash, hash);
    insert(connection, entry);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, hash);
      update.executeUpdate();
    }
    return entry;
  }

  /**
   * Up to {@code limit} entries after {@code afterSeq}, in order.
   *
   * @throws IllegalArgumentException if {@code limit} is not in [1, 10000]
   */
  public List<AuditEntry> entries(long afterSeq, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    try (Connection connection = database.connection()) {
      return page(connection, afterSeq, Long.MAX_VALUE, limit);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the audit log", e);
    }
  }

  /**
   * Checks the whole chain, from the first entry to the head: sequence numbers without gaps, every
   * hash recomputed, every previous hash equal to the hash before it. Entries appended while it
   * runs are not checked.
   */
  public AuditVerification verify() {
    try (Connection connection = database.connection()) {
      long headSeq;
      String headHash;
      try (PreparedStatement head =
              connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
          ResultSet row = head.executeQuery()) {
        if (!row.next()) {
          return new AuditVerification(
              0, Optional.of(new AuditBreak(1, AuditBreak.Kind.HEAD_MISMATCH, "no head row")));
        }
        headSeq = row.getLong("seq");
        headHash = row.getString("hash");
      }
      AuditChainCheck check = new AuditChainCheck();
      long after = 0;
      while (check.intact()) {
        List<AuditEntry> page = page(connection, after, headSeq, PAGE);
        page.forEach(check::accept);
        if (page.size() < PAGE) {
          break;
        }
        after = page.get(page.size() - 1).seq();
      }
      return check.finish(headSeq, headHash);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the audit log", e);
    }
  }

  private static List<AuditEntry> page(Connection connection, long after, long upTo, int limit)
      throws SQLException {
    String sql =
        "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, after);
      select.setLong(2, upTo);
      select.setInt(3, limit);
      try (ResultSet rows = select.executeQuery()) {
        List<AuditEntry> entries = new ArrayList<>();
        while (rows.next()) {
          entries.add(
              new AuditEntry(
                  rows.getLong("seq"),
                  Timestamps.get(rows, "at"),
                  rows.getString("actor"),
                  rows.getString("action"),
                  rows.getString("subject"),
                  rows.getString("detail"),
                  rows.getString("prev_hash"),
                  rows.getString("hash")));
        }
        return entries;
      }
    }
  }

  private static void insert(Connection connection, AuditEntry entry) throws SQLException {
    String sql = "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, entry.seq());
      Timestamps.set(insert, 2, entry.at());
      insert.setString(3, entry.actor());
      insert.setString(4, entry.action());
      insert.setString(5, entry.subject());
      insert.setString(6, entry.detail());
      insert.setString(7, entry.prevHash());
      insert.setString(8, entry.hash());
      insert.executeUpdate();
    }
  }

  private static void requireFields(String actor, String action, String subject, String detail) {
    if (actor == null || actor.isBlank() || actor.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "an audit entry's actor is a name of 1 to " + MAX_NAME + " characters: " + actor);
    }
    if (action == null || action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException(
          "an audit entry's action is a dotted lower-case verb such as proposal.approved: "
              + action);
    }
    if (subject == null || subject.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "an audit entry's subject is an id of at most " + MAX_NAME + " characters: " + subject);
    }
    Objects.requireNonNull(detail, "detail");
  }
}
