package io.vigil.tools.access;

import io.vigil.tools.registry.ConflictException;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code api_token} table: tokens by the SHA-256 hash of their secret, with a role and a name.
 * Hashing and checking secrets is the caller's business; this class never sees a secret.
 */
public final class ApiTokenStore {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
  private static final String COLUMNS = "id, name, role, created_at, revoked_at";

  private final Database database;
  private final InstantSource clock;

  public ApiTokenStore(Database database, InstantSource clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new token.
   *
   * @param tokenHash the SHA-256 of the secret, 64 lower-case hex digits
   * @throws IllegalArgumentException if the name or hash is malformed
   * @throws ConflictException if a token (valid or revoked) has that name already
   */
  public ApiToken create(String name, Role role, String tokenHash) {
    ApiToken.requireName(name);
    Objects.requireNonNull(role, "role");
    requireHash(tokenHash);
    Instant now = clock.instant();
    String sql = "INSERT INTO api_token (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)";
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
      if (find(connection, name).isPresent()) {
        throw new ConflictException(taken(name));
      }
      insert.setString(1, name);
      insert.setString(2, role.name());
      insert.setString(3, tokenHash);
      Timestamps.set(insert, 4, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new ApiToken(keys.getLong(1), name, role, now, Optional.empty());
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        // Unique violation (SQLSTATE 23505 on both stores): the name, or (never in practice) the
        // hash, was taken between the check and the insert.
        throw new ConflictException(taken(name));
      }
      throw new StoreUnavailableException("cannot store the token", e);
    }
  }

  /** The valid (not revoked) token whose secret hashes to {@code tokenHash}, if there is one. */
  public Optional<ApiToken> findValid(String tokenHash) {
    if (tokenHash == null || !HASH.matcher(tokenHash).matches()) {
      return Optional.empty();
    }
    String sql =
        "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ? AND revoked_at IS NULL";
    try (Connection connection = database.connection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, tokenHash);
      return first(select);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the tokens", e);
    }
  }

  /** Every token, valid and revoked, oldest first. */
  public List<ApiToken> list() {
    String sql = "SELECT " + COLUMNS + " FROM api_token ORDER BY id";
    try (Connection connection = database.connection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      List<ApiToken> tokens = new ArrayList<>();
      while (rows.next()) {
        tokens.add(token(rows));
      }
      return tokens;
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the tokens", e);
    }
  }

  /** The token named {@code nameOrId}, or with that id when it is all digits. */
  public Optional<ApiToken> find(String nameOrId) {
    try (Connection connection = database.connection()) {
      return find(connection, nameOrId);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the tokens", e);
    }
  }

  /**
   * Revokes a token by name or id; it stops authenticating at once. Revoking a revoked token
   * changes nothing and returns it as it was.
   *
   * @return the token as it is now, or empty if there is no such token
   */
  public Optional<ApiToken> revoke(String nameOrId) {
    String sql = "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
    try (Connection connection = database.connection()) {
      Optional<ApiToken> token = find(connection, nameOrId);
      if (token.isEmpty() || token.get().revoked()) {
        return token;
      }
      try (PreparedStatement update = connection.prepareStatement(sql)) {
        Timestamps.set(update, 1, clock.instant());
        update.setLong(2, token.get().id());
        update.executeUpdate();
      }
      return find(connection, String.valueOf(token.get().id()));
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot revoke the token", e);
    }
  }

  private static Optional<ApiToken> find(Connection connection, String nameOrId)
      throws SQLException {
    if (nameOrId == null) {
      return Optional.empty();
    }
    boolean byId = ID.matcher(nameOrId).matches();
    String sql = "SELECT " + COLUMNS + " FROM api_token WHERE " + (byId ? "id" : "name") + " = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (byId) {
        select.setLong(1, Long.parseLong(nameOrId));
      } else {
        select.setString(1, nameOrId);
      }
      return first(select);
    }
  }

  private static Optional<ApiToken> first(PreparedStatement select) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(token(rows)) : Optional.empty();
    }
  }

  private static ApiToken token(ResultSet rows) throws SQLException {
    return new ApiToken(
        rows.getLong("id"),
        rows.getString("name"),
        Role.valueOf(rows.getString("role")),
        Timestamps.get(rows, "created_at"),
        Optional.ofNullable(Timestamps.get(rows, "revoked_at")));
  }

  private static void requireHash(String tokenHash) {
    if (tokenHash == null || !HASH.matcher(tokenHash).matches()) {
      throw new IllegalArgumentException(
          "a token hash is the SHA-256 of the secret in 64 lower-case hex digits");
    }
  }

  private static String taken(String name) {
    return "a token named '" + name + "' exists already (revoked tokens keep their names)";
  }
}
