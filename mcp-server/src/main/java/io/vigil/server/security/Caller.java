package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import java.util.Locale;
import java.util.Objects;

/**
 * Who is calling: the holder of an API token (its name and role), or the local user of a stdio
 * session, who is trusted as an administrator (nothing over MCP ever executes a remediation).
 *
 * @param name the token's name, or {@code local user}
 * @param role what the caller may do
 */
public record Caller(String name, Role role) {

  /** The request attribute under which an authenticated request carries its caller. */
  public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

  /** The MCP transport context's key for the authenticated caller of a Streamable HTTP request. */
  public static final String MCP_CONTEXT_KEY = "vigil.caller";

  private static final Caller LOCAL_USER = new Caller("local user", Role.ADMIN);

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** The person who started {@code vigil mcp} on this machine. */
  public static Caller localUser() {
    return LOCAL_USER;
  }

  public boolean may(Permission permission) {
    return role.grants(permission);
  }

  /** Why this caller may not do what needs {@code permission}: a 403's detail. */
  public String refusal(Permission permission) {
    return "the token '"
        + name
        + "' has the "
        + role.label()
        + " role, which does not allow "
        + permission.name().toLowerCase(Locale.ROOT)
        + "; that needs the "
        + Role.labelsGranting(permission)
        + " role";
  }
}
