package io.vigil.tools.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stored API token, without its secret (which is never stored) or its hash.
 *
 * @param id the store's id
 * @param name a unique name people revoke it by: a letter, then letters, digits, {@code . _ -}
 * @param role what the token may do
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; empty while it is valid
 */
public record ApiToken(
    long id, String name, Role role, Instant createdAt, Optional<Instant> revokedAt) {

  /** A letter first (so a name never looks like an id), at most 64 characters. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  public ApiToken {
    requireName(name);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /**
   * @throws IllegalArgumentException saying what a name may be, if {@code name} is not one
   */
  public static String requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid token name '"
              + name
              + "': start with a letter, then letters, digits, '.', '_' or '-', at most 64"
              + " characters");
    }
    return name;
  }
}
