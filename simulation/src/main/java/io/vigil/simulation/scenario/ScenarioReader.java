package io.vigil.simulation.scenario;

import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a scenario file (YAML, or JSON when its name ends in {@code .json}):
 *
 * <pre>{@code
 * name: covariate-shift-sudden
 * description: Applicants' incomes fall by two standard deviations at once.
 * world: credit            # a shipped world (Worlds), or an inline world mapping
 * traffic: {warmup: 6h, duration: 12h, window: 5m, requests_per_minute: 20,
 *           label_delay: 30m, label_share: 1.0, accuracy_target: 0.85}
 * faults:
 *   - {kind: covariate_shift, feature: income, onset: 4h, magnitude: -2.0}
 * expected: {category: covariate_drift, culprit: income, remediation: retrain}
 * }</pre>
 *
 * Durations are a whole number and a unit ({@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}); enum
 * values are matched in any case; omitted traffic fields take the defaults below, omitted fault
 * fields {@code shape: sudden}, {@code ramp: 0}, {@code share: 1.0}. Reading is strict: an unknown
 * key, a feature the world lacks or a culprit the category cannot name is an error, reported as a
 * {@link ScenarioException} naming the file, the field and the problem.
 */
public final class ScenarioReader {

  /** Six hours of healthy traffic to train on and take the baseline from. */
  static final Duration DEFAULT_WARMUP = Duration.ofHours(6);

  /** Twelve hours: room for an onset after two, detection, remediation and recovery. */
  static final Duration DEFAULT_DURATION = Duration.ofHours(12);

  /** Five-minute windows, the store's default profile window. */
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** Modest traffic, so a run takes seconds: 100 requests a window. */
  static final int DEFAULT_REQUESTS_PER_MINUTE = 20;

  static final Duration DEFAULT_LABEL_DELAY = Duration.ofMinutes(30);
  static final double DEFAULT_LABEL_SHARE = 1.0;

  /** Below the shipped worlds' healthy accuracy (about 0.9) by a margin noise rarely crosses. */
  static final double DEFAULT_ACCURACY_TARGET = 0.85;

  private static final Set<String> KEYS =
      Set.of("name", "description", "world", "traffic", "faults", "expected");
  private static final Set<String> TRAFFIC_KEYS =
      Set.of(
          "warmup",
          "duration",
          "window",
          "requests_per_minute",
          "label_delay",
          "label_share",
          "accuracy_target");

  private ScenarioReader() {}

  /**
   * The scenario in {@code file}.
   *
   * @throws ScenarioException if the file is not a valid scenario, naming the file and the field
   * @throws IllegalArgumentException if there is no such file
   */
  public static Scenario read(Path file) {
    try (InputStream content = Files.newInputStream(file)) {
      return read(file.toString(), content);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no scenario file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
  }

  /**
   * The scenario {@code content} holds.
   *
   * @param name the file's name, used in messages and to tell JSON ({@code .json}) from YAML
   * @throws ScenarioException if it is not a valid scenario, naming {@code name} and the field
   */
  public static Scenario read(String name, InputStream content) {
    Objects.requireNonNull(name, "name");
    Field scenario = Documents.parse(name, content).mapping(KEYS);
    String scenarioName = scenario.required("name").text();
    String description = scenario.required("description").text();
    WorldSpec world = world(scenario.required("world"));
    TrafficSpec traffic = traffic(scenario.optional("traffic"));
    List<FaultSpec> faults = new ArrayList<>();
    scenario
        .optional("faults")
        .ifPresent(
            f ->
                f.elements()
                    .forEach(e -> faults.add(FaultReader.read(e, world, traffic.duration()))));
    Expectation expected = ExpectationReader.read(scenario.required("expected"), world);
    return scenario.build(
        () -> new Scenario(scenarioName, description, world, traffic, faults, expected));
  }

  private static WorldSpec world(Field world) {
    if (world.isMapping()) {
      return WorldReader.read(world);
    }
    String name = world.text();
    return Worlds.find(name)
        .orElseThrow(
            () ->
                world.fail(
                    "no shipped world '"
                        + name
                        + "'; shipped worlds: "
                        + String.join(", ", Worlds.names())
                        + " (or give the world inline as a mapping)"));
  }

  private static TrafficSpec traffic(java.util.Optional<Field> given) {
    if (given.isEmpty()) {
      return defaultTraffic();
    }
    Field traffic = given.get().mapping(TRAFFIC_KEYS);
    return traffic.build(
        () ->
            new TrafficSpec(
                traffic.optional("warmup").map(Field::duration).orElse(DEFAULT_WARMUP),
                traffic.optional("duration").map(Field::duration).orElse(DEFAULT_DURATION),
                traffic.optional("window").map(Field::duration).orElse(DEFAULT_WINDOW),
                traffic
                    .optional("requests_per_minute")
                    .map(Field::integer)
                    .orElse(DEFAULT_REQUESTS_PER_MINUTE),
                traffic.optional("label_delay").map(Field::duration).orElse(DEFAULT_LABEL_DELAY),
                traffic.optional("label_share").map(Field::number).orElse(DEFAULT_LABEL_SHARE),
                traffic
                    .optional("accuracy_target")
                    .map(Field::number)
                    .orElse(DEFAULT_ACCURACY_TARGET)));
  }

  /** The traffic of a scenario that gives none. */
  static TrafficSpec defaultTraffic() {
    return new TrafficSpec(
        DEFAULT_WARMUP,
        DEFAULT_DURATION,
        DEFAULT_WINDOW,
        DEFAULT_REQUESTS_PER_MINUTE,
        DEFAULT_LABEL_DELAY,
        DEFAULT_LABEL_SHARE,
        DEFAULT_ACCURACY_TARGET);
  }
}
