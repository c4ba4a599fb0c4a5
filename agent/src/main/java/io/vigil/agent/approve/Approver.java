package io.vigil.agent.approve;

import io.vigil.tools.access.Role;
import java.util.Objects;

/**
 * An authenticated person deciding on a proposal.
 *
 * @param name who: a token's name, or {@code local:<user>} on the command line
 * @param role what their credential allows
 */
public record Approver(String name, Role role) {

  public Approver {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an approver has a name");
    }
    Objects.requireNonNull(role, "role");
  }
}
