package io.vigil.simulation.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The scenarios that ship with Vigil (files in {@code io/vigil/simulation/scenarios/}, listed in
 * its {@code index.txt}), and the way the command line finds one: by name, or by the path of a file
 * of one's own.
 */
public final class Scenarios {

  private static final ShippedFiles FILES = new ShippedFiles("scenarios");
  private static final List<String> FILE_EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private Scenarios() {}

  /** Every shipped scenario, in name order. */
  public static List<Scenario> shipped() {
    return Shipped.SCENARIOS;
  }

  /** The shipped scenarios' names, in order. */
  public static List<String> names() {
    return shipped().stream().map(Scenario::name).toList();
  }

  /**
   * The shipped scenario called {@code name}.
   *
   * @throws IllegalArgumentException if none is, listing the shipped names
   */
  public static Scenario named(String name) {
    return shipped().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no shipped scenario '"
                        + name
                        + "'; shipped: "
                        + String.join(", ", names())
                        + " (or give the path of a .yaml, .yml or .json scenario file)"));
  }

  /**
   * The scenario in the file {@code nameOrPath} when it ends in {@code .yaml}, {@code .yml} or
   * {@code .json}, else the shipped scenario of that name.
   *
   * @throws ScenarioException if the file is not a valid scenario
   * @throws IllegalArgumentException if there is no such file or shipped scenario
   */
  public static Scenario resolve(String nameOrPath) {
    String lower = nameOrPath.toLowerCase(Locale.ROOT);
    if (FILE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
      return ScenarioReader.read(Path.of(nameOrPath));
    }
    return named(nameOrPath);
  }

  /** Read once, on first use; a broken shipped file fails loudly, naming itself. */
  private static final class Shipped {
    static final List<Scenario> SCENARIOS = load();

    private static List<Scenario> load() {
      List<Scenario> scenarios = new ArrayList<>();
      for (String file : FILES.names()) {
        try (InputStream content = FILES.open(file)) {
          scenarios.add(ScenarioReader.read(FILES.location(file), content));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + FILES.location(file), e);
        }
      }
      scenarios.sort(Comparator.comparing(Scenario::name));
      return List.copyOf(scenarios);
    }
  }
}
