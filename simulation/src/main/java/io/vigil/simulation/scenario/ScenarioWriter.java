package io.vigil.simulation.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.WorldSpec;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a scenario in the format {@link ScenarioReader} reads, so that reading what was written
 * gives the same scenario: a shipped world by its name, any other world inline; every traffic
 * field; a fault's optional fields only when they differ from the defaults.
 */
public final class ScenarioWriter {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioWriter() {}

  /**
   * {@code scenario} as a YAML document.
   *
   * @throws IllegalArgumentException if a duration has a fraction of a second, which the format
   *     cannot write
   */
  public static String write(Scenario scenario) {
    ObjectNode root = NODES.objectNode();
    root.put("name", scenario.name());
    root.put("description", scenario.description());
    WorldSpec world = scenario.world();
    if (Worlds.find(world.name()).filter(world::equals).isPresent()) {
      root.put("world", world.name());
    } else {
      root.set("world", world(world));
    }
    root.set("traffic", traffic(scenario.traffic()));
    scenario.faults().forEach(f -> root.withArray("faults").add(fault(f)));
    ObjectNode expected = root.putObject("expected");
    expected.put("category", label(scenario.expected().category()));
    scenario.expected().culprit().ifPresent(c -> expected.put("culprit", c));
    expected.put("remediation", label(scenario.expected().remediation()));
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write scenario " + scenario.name(), e);
    }
  }

  private static ObjectNode traffic(TrafficSpec traffic) {
    ObjectNode node = NODES.objectNode();
    node.put("warmup", duration(traffic.warmup()));
    node.put("duration", duration(traffic.duration()));
    node.put("window", duration(traffic.window()));
    node.put("requests_per_minute", traffic.requestsPerMinute());
    node.put("label_delay", duration(traffic.labelDelay()));
    node.put("label_share", traffic.labelShare());
    node.put("accuracy_target", traffic.accuracyTarget());
    return node;
  }

  private static ObjectNode fault(FaultSpec fault) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", label(fault.kind()));
    fault.feature().ifPresent(f -> node.put("feature", f));
    fault.segment().ifPresent(s -> node.put("segment", s));
    node.put("onset", duration(fault.onset()));
    if (fault.shape() != Shape.SUDDEN) {
      node.put("shape", label(fault.shape()));
      node.put("ramp", duration(fault.ramp()));
    }
    if (fault.magnitude() != 0 || FaultReader.takesMagnitude(fault.kind())) {
      node.put("magnitude", fault.magnitude());
    }
    if (fault.share() != 1) {
      node.put("share", fault.share());
    }
    fault.breakage().ifPresent(b -> node.put("breakage", label(b)));
    return node;
  }

  private static ObjectNode world(WorldSpec world) {
    ObjectNode node = NODES.objectNode();
    node.put("name", world.name());
    ObjectNode numeric = node.putObject("numeric");
    for (NumericFeature feature : world.numeric()) {
      ObjectNode entry = numeric.putObject(feature.name());
      entry.put("mean", feature.mean());
      entry.put("sd", feature.sd());
      entry.put("weight", feature.weight());
    }
    ObjectNode categorical = node.putObject("categorical");
    for (CategoricalFeature feature : world.categorical()) {
      ObjectNode entry = categorical.putObject(feature.name());
      numbers(entry.putObject("weights"), feature.weights());
      numbers(entry.putObject("effects"), feature.effects());
    }
    ObjectNode segment = node.putObject("segment");
    segment.put("attribute", world.segment().attribute());
    numbers(segment.putObject("weights"), world.segment().weights());
    ObjectNode label = node.putObject("label");
    label.put("intercept", world.label().intercept());
    label.put("noise_sd", world.label().noiseSd());
    label.put("positive", world.label().positiveClass());
    label.put("negative", world.label().negativeClass());
    return node;
  }

  private static void numbers(ObjectNode node, Map<String, Double> numbers) {
    numbers.forEach(node::put);
  }

  private static String duration(Duration duration) {
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException(
          "a scenario file writes whole seconds; cannot write " + duration);
    }
    return DurationText.format(duration);
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
