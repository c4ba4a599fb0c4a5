package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import java.util.Locale;
import java.util.Objects;

/**
 * Who is calling: the holder of an API token (its name and role), the local user of a stdio
 * session, who is trusted as an administrator (nothing over MCP ever executes a remediation), or,
 * only where {@code vigil.security.anonymous-role} allows it, a request that sent no token.
 *
 * @param name the token's name, {@code local user} or {@code (anonymous)} (neither can be a token's
 *     name)
 * @param role what the caller may do
 */
public record Caller(String name, Role role) {

  /** The request attribute under which an authenticated request carries its caller. */
  public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

  /** The MCP transport context's key for the authenticated caller of a Streamable HTTP request. */
  public static final String MCP_CONTEXT_KEY = "vigil.caller";

  private static final Caller LOCAL_USER = new Caller("local user", Role.ADMIN);
  private static final String ANONYMOUS = "(anonymous)";

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** The person who started {@code vigil mcp} on this machine. */
  public static Caller localUser() {
    return LOCAL_USER;
  }

  /** A request without a token, served with {@code role} (never one that approves). */
  public static Caller anonymous(Role role) {
    if (role.grants(Permission.APPROVE)) {
      throw new IllegalArgumentException(
          "requests without a token may not have the " + role.label() + " role");
    }
    return new Caller(ANONYMOUS, role);
  }

  /** Whether this is a request that sent no token. */
  public boolean anonymous() {
    return name.equals(ANONYMOUS);
  }

  public boolean may(Permission permission) {
    return role.grants(permission);
  }

  /** Why this caller may not do what needs {@code permission}: a 403's detail. */
  public String refusal(Permission permission) {
    return (anonymous()
            ? "requests without a token have the "
                + role.label()
                + " role (vigil.security.anonymous-role)"
            : "the token '" + name + "' has the " + role.label() + " role")
        + ", which does not allow "
        + permission.name().toLowerCase(Locale.ROOT)
        + "; that needs the "
        + Role.labelsGranting(permission)
        + " role";
  }
}
