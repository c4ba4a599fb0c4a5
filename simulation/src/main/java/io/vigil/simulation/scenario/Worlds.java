package io.vigil.simulation.scenario;

import io.vigil.simulation.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The worlds that ship with Vigil, in {@code io/vigil/simulation/worlds/NAME.yaml} (listed in its
 * {@code index.txt}), which a scenario names with {@code world: NAME}.
 */
public final class Worlds {

  private static final ShippedFiles FILES = new ShippedFiles("worlds");
  private static final String EXTENSION = ".yaml";

  private Worlds() {}

  /** The shipped worlds' names, sorted. */
  public static List<String> names() {
    return List.copyOf(Shipped.WORLDS.keySet());
  }

  /** The shipped world called {@code name}, if there is one. */
  public static Optional<WorldSpec> find(String name) {
    return Optional.ofNullable(Shipped.WORLDS.get(name));
  }

  /**
   * The shipped world called {@code name}.
   *
   * @throws IllegalArgumentException if none is, listing the shipped ones
   */
  public static WorldSpec named(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no shipped world '"
                        + name
                        + "'; shipped worlds: "
                        + String.join(", ", names())));
  }

  /** Read once, on first use. */
  private static final class Shipped {
    static final Map<String, WorldSpec> WORLDS = load();

    private static Map<String, WorldSpec> load() {
      Map<String, WorldSpec> worlds = new TreeMap<>();
      for (String file : FILES.names()) {
        String source = FILES.location(file);
        WorldSpec world;
        try (InputStream content = FILES.open(file)) {
          world = WorldReader.read(Documents.parse(source, content));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + source, e);
        }
        String expected = file.substring(0, file.length() - EXTENSION.length());
        if (!file.endsWith(EXTENSION) || !world.name().equals(expected)) {
          throw new ScenarioException(
              source,
              "name",
              "a shipped world's file is NAME.yaml, its name NAME; was " + world.name());
        }
        worlds.put(world.name(), world);
      }
      return worlds;
    }
  }
}
