package io.vigil.simulation.world;

import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A run of a {@link WorldSpec}: row {@code i} at time {@code t} is a function of the spec, the
 * seed, {@code i}, {@code t} and the transform alone (each draw comes from its own stream, see
 * {@link RandomStreams}), so two runs with one seed are the same row for row, and rows can be made
 * in any order.
 */
public final class World {

  private final WorldSpec spec;
  private final RandomStreams streams;
  private final RowTransform transform;

  /** An unchanged world. */
  public World(WorldSpec spec, long seed) {
    this(spec, seed, RowTransform.IDENTITY);
  }

  /** A world changed by {@code transform} (fault injectors). */
  public World(WorldSpec spec, long seed, RowTransform transform) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.streams = new RandomStreams(seed);
    this.transform = Objects.requireNonNull(transform, "transform");
  }

  public WorldSpec spec() {
    return spec;
  }

  /** This world's spec and seed, changed by {@code newTransform} instead. */
  public World withTransform(RowTransform newTransform) {
    return new World(spec, streams.seed(), newTransform);
  }

  /**
   * Row {@code index} at time {@code at}.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public Row row(long index, Instant at) {
    Draw draw =
        new Draw(index, at, drawFeatures(index), Map.of(segmentAttribute(), segment(index)));
    draw = transform.population(draw, streams.stream("population", index));
    SplittableRandom labelRandom = streams.stream("label", index);
    double logOdds =
        logOdds(draw.features()) + spec.label().noiseSd() * RandomStreams.gaussian(labelRandom);
    logOdds = transform.logOdds(draw, logOdds, streams.stream("concept", index));
    double positiveProbability = LabelRule.sigmoid(logOdds);
    boolean positive = labelRandom.nextDouble() < positiveProbability;
    Map<String, FeatureValue> inputs =
        transform.inputs(draw, draw.features(), streams.stream("pipeline", index));
    return new Row(
        index,
        at,
        draw.features(),
        inputs,
        draw.segment(),
        positiveProbability,
        spec.label().className(positive));
  }

  /**
   * The label rule's log-odds for {@code features}, without noise: a missing or non-numeric value
   * of a numeric feature counts as its mean, a category without an effect as none.
   */
  public double logOdds(Map<String, FeatureValue> features) {
    double sum = spec.label().intercept();
    for (NumericFeature feature : spec.numeric()) {
      if (features.get(feature.name()) instanceof FeatureValue.Numeric numeric) {
        sum += feature.weight() * feature.standardise(numeric.value());
      }
    }
    for (CategoricalFeature feature : spec.categorical()) {
      if (features.get(feature.name()) instanceof FeatureValue.Text text) {
        sum += feature.effect(text.value());
      }
    }
    return sum;
  }

  private Map<String, FeatureValue> drawFeatures(long index) {
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    for (NumericFeature feature : spec.numeric()) {
      SplittableRandom random = streams.stream("feature:" + feature.name(), index);
      features.put(
          feature.name(),
          new FeatureValue.Numeric(feature.mean() + feature.sd() * RandomStreams.gaussian(random)));
    }
    for (CategoricalFeature feature : spec.categorical()) {
      SplittableRandom random = streams.stream("feature:" + feature.name(), index);
      features.put(feature.name(), new FeatureValue.Text(pick(feature.weights(), random)));
    }
    return features;
  }

  private String segmentAttribute() {
    return spec.segment().attribute();
  }

  private String segment(long index) {
    return pick(spec.segment().weights(), streams.stream("segment", index));
  }

  /** A key drawn with the given weights, walking them in the map's (sorted) order. */
  static String pick(Map<String, Double> weights, SplittableRandom random) {
    double total = 0;
    for (double weight : weights.values()) {
      total += weight;
    }
    double draw = random.nextDouble() * total;
    String last = null;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      last = entry.getKey();
      draw -= entry.getValue();
      if (draw < 0) {
        return last;
      }
    }
    return last;
  }
}
