package io.vigil.simulation.world;

/** Checks the names a world spec gives its features, segments and classes. */
final class WorldNames {

  private WorldNames() {}

  static void require(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a " + what + " needs a non-blank name");
    }
  }
}
