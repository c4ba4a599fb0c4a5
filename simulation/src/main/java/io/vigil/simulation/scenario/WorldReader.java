package io.vigil.simulation.scenario;

import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.LabelRule;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.SegmentSpec;
import io.vigil.simulation.world.WorldSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a world, from a world file or a scenario's inline {@code world:} mapping:
 *
 * <pre>{@code
 * name: credit
 * numeric:
 *   income: {mean: 52000, sd: 18000, weight: -2.0}
 * categorical:
 *   channel: {weights: {web: 0.5, app: 0.3, branch: 0.2}, effects: {web: 0.3}}
 * segment: {attribute: region, weights: {eu: 0.5, us: 0.3, apac: 0.2}}
 * label: {intercept: -3.4, noise_sd: 0.3, positive: default, negative: repaid}
 * }</pre>
 *
 * A numeric feature's weight applies to its standardised value; a category's effect is added to the
 * label's log-odds (see {@link LabelRule}).
 */
final class WorldReader {

  private static final Set<String> KEYS =
      Set.of("name", "numeric", "categorical", "segment", "label");
  private static final Set<String> NUMERIC_KEYS = Set.of("mean", "sd", "weight");
  private static final Set<String> CATEGORICAL_KEYS = Set.of("weights", "effects");
  private static final Set<String> SEGMENT_KEYS = Set.of("attribute", "weights");
  private static final Set<String> LABEL_KEYS =
      Set.of("intercept", "noise_sd", "positive", "negative");

  private WorldReader() {}

  static WorldSpec read(Field world) {
    world.mapping(KEYS);
    String name = world.required("name").text();
    List<NumericFeature> numeric = new ArrayList<>();
    world
        .optional("numeric")
        .ifPresent(f -> f.entries().forEach((n, v) -> numeric.add(numeric(n, v))));
    List<CategoricalFeature> categorical = new ArrayList<>();
    world
        .optional("categorical")
        .ifPresent(f -> f.entries().forEach((n, v) -> categorical.add(categorical(n, v))));
    SegmentSpec segment = segment(world.required("segment"));
    LabelRule label = label(world.required("label"));
    return world.build(() -> new WorldSpec(name, numeric, categorical, segment, label));
  }

  private static NumericFeature numeric(String name, Field feature) {
    feature.mapping(NUMERIC_KEYS);
    double mean = feature.required("mean").number();
    double sd = feature.required("sd").number();
    double weight = feature.required("weight").number();
    return feature.build(() -> new NumericFeature(name, mean, sd, weight));
  }

  private static CategoricalFeature categorical(String name, Field feature) {
    feature.mapping(CATEGORICAL_KEYS);
    Map<String, Double> weights = numbers(feature.required("weights"));
    Map<String, Double> effects =
        feature.optional("effects").map(WorldReader::numbers).orElse(Map.of());
    return feature.build(() -> new CategoricalFeature(name, weights, effects));
  }

  private static SegmentSpec segment(Field segment) {
    segment.mapping(SEGMENT_KEYS);
    String attribute = segment.required("attribute").text();
    Map<String, Double> weights = numbers(segment.required("weights"));
    return segment.build(() -> new SegmentSpec(attribute, weights));
  }

  private static LabelRule label(Field label) {
    label.mapping(LABEL_KEYS);
    double intercept = label.required("intercept").number();
    double noiseSd = label.optional("noise_sd").map(Field::number).orElse(0.0);
    String positive = label.required("positive").text();
    String negative = label.required("negative").text();
    return label.build(() -> new LabelRule(intercept, noiseSd, positive, negative));
  }

  private static Map<String, Double> numbers(Field mapping) {
    Map<String, Double> numbers = new LinkedHashMap<>();
    mapping.entries().forEach((key, value) -> numbers.put(key, value.number()));
    return numbers;
  }
}
