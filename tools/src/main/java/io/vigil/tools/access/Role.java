package io.vigil.tools.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token (or the local user) may do. Roles are written in lower case on the command line
 * and in messages: {@code ingest}, {@code read}, {@code approve}, {@code admin}.
 */
public enum Role {
  /**
   * A pipeline that sends records and labels, and may ask which version serves; reads no traffic
   * back.
   */
  INGEST(EnumSet.of(Permission.INGEST, Permission.ROUTE)),
  /** A person or an LLM client that asks questions. */
  READ(EnumSet.of(Permission.READ, Permission.ROUTE)),
  /** A person who may also propose actions and approve or reject them. */
  APPROVE(EnumSet.of(Permission.READ, Permission.ROUTE, Permission.PROPOSE, Permission.APPROVE)),
  /** Everything. */
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }

  /** The role's name as people write it: {@code read}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The roles that grant {@code permission}, as people write them: {@code approve or admin}. */
  public static String labelsGranting(Permission permission) {
    return Arrays.stream(values())
        .filter(role -> role.grants(permission))
        .map(Role::label)
        .collect(Collectors.joining(" or "));
  }

  /**
   * The role named {@code label}, in any case.
   *
   * @throws IllegalArgumentException naming the roles there are, if there is none by that name
   */
  public static Role parse(String label) {
    for (Role role : values()) {
      if (role.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + label
            + "'; the roles are "
            + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
  }
}
