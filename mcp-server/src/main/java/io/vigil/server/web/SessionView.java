package io.vigil.server.web;

import io.vigil.server.security.Caller;
import io.vigil.tools.access.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a token is, for the dashboard to show the right controls: its name, its role and what the
 * role allows. The server checks the role again on every call; this only spares a person buttons
 * that would be refused.
 *
 * @param name the token's name
 * @param role the role, in lower case ({@code read}, {@code approve}...)
 * @param permissions what the role allows, in lower case ({@code read}, {@code propose}, {@code
 *     approve}...)
 */
record SessionView(String name, String role, List<String> permissions) {

  SessionView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    permissions = List.copyOf(permissions);
  }

  static SessionView of(Caller caller) {
    return new SessionView(
        caller.name(),
        caller.role().label(),
        Arrays.stream(Permission.values())
            .filter(caller::may)
            .map(permission -> permission.name().toLowerCase(Locale.ROOT))
            .toList());
  }
}
