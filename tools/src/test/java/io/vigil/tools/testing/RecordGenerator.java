package io.vigil.tools.testing;

import io.vigil.tools.ingest.Embedding;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.ModelTask;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/** Draws one record of a {@link Traffic}, its label and its truth. */
final class RecordGenerator {

  private static final String YES = "yes";
  private static final String NO = "no";
  private static final double REGRESSION_MEAN = 100;
  private static final double REGRESSION_SD = 10;

  private RecordGenerator() {}

  static TrafficFixture.Generated generate(
      Traffic traffic, ModelTask task, int index, SplittableRandom random) {
    Instant at = traffic.start().plus(traffic.spacing().multipliedBy(index));
    String requestId =
        traffic.model() + "-" + traffic.version() + "-" + traffic.seed() + "-" + index;
    var features = TrafficFixture.features(traffic, at, random);
    Optional<Embedding> embedding = traffic.embedding().map(shape -> embedding(shape, random));
    double latency = traffic.latencyMs() * (0.5 + 0.5 * exponential(random));
    if (random.nextDouble() < traffic.failureRate()) {
      InferenceRecord failed =
          new InferenceRecord(
              requestId,
              traffic.model(),
              traffic.version(),
              at,
              features,
              embedding,
              Optional.empty(),
              OptionalDouble.empty(),
              Map.of(),
              OptionalDouble.of(latency),
              Map.of(),
              Optional.of("timeout"));
      return new TrafficFixture.Generated(
          failed, Optional.empty(), new TrafficFixture.Truth(requestId, at, true, false, 0, false));
    }
    boolean labelled =
        random.nextDouble() < traffic.labelShare()
            && traffic.labelsUntil().map(at::isBefore).orElse(true);
    return task == ModelTask.CLASSIFICATION
        ? classified(traffic, requestId, at, features, embedding, latency, labelled, random)
        : regressed(traffic, requestId, at, features, embedding, latency, labelled, random);
  }

  private static TrafficFixture.Generated classified(
      Traffic traffic,
      String requestId,
      Instant at,
      Map<String, io.vigil.tools.ingest.FeatureValue> features,
      Optional<Embedding> embedding,
      double latency,
      boolean labelled,
      SplittableRandom random) {
    String predicted = random.nextDouble() < traffic.yesShare() ? YES : NO;
    Scored scored = scored(traffic, random);
    double confidence = scored.confidence();
    boolean correct = scored.correct();
    String actual = correct ? predicted : predicted.equals(YES) ? NO : YES;
    InferenceRecord record =
        new InferenceRecord(
            requestId,
            traffic.model(),
            traffic.version(),
            at,
            features,
            embedding,
            Optional.of(new Outcome.Category(predicted)),
            OptionalDouble.of(confidence),
            Map.of(),
            OptionalDouble.of(latency),
            Map.of(),
            Optional.empty());
    Optional<LabelRecord> label =
        labelled
            ? Optional.of(
                new LabelRecord(
                    traffic.model(),
                    requestId,
                    new Outcome.Category(actual),
                    at.plus(traffic.labelDelay())))
            : Optional.empty();
    return new TrafficFixture.Generated(
        record, label, new TrafficFixture.Truth(requestId, at, false, correct, 0, labelled));
  }

  /** A prediction's confidence and whether it is right. */
  private record Scored(double confidence, boolean correct) {}

  private static Scored scored(Traffic traffic, SplittableRandom random) {
    if (traffic.correctness() == Traffic.Correctness.CALIBRATED) {
      double confidence =
          traffic.confidenceFloor() + (1 - traffic.confidenceFloor()) * random.nextDouble();
      return new Scored(confidence, random.nextDouble() < confidence);
    }
    double confidence = 0.5 + 0.5 * random.nextDouble();
    return new Scored(confidence, random.nextDouble() < traffic.accuracy());
  }

  private static TrafficFixture.Generated regressed(
      Traffic traffic,
      String requestId,
      Instant at,
      Map<String, io.vigil.tools.ingest.FeatureValue> features,
      Optional<Embedding> embedding,
      double latency,
      boolean labelled,
      SplittableRandom random) {
    double predicted = REGRESSION_MEAN + REGRESSION_SD * gaussian(random);
    double actual = predicted + traffic.regressionErrorSd() * gaussian(random);
    InferenceRecord record =
        new InferenceRecord(
            requestId,
            traffic.model(),
            traffic.version(),
            at,
            features,
            embedding,
            Optional.of(new Outcome.Number(predicted)),
            OptionalDouble.empty(),
            Map.of(),
            OptionalDouble.of(latency),
            Map.of(),
            Optional.empty());
    Optional<LabelRecord> label =
        labelled
            ? Optional.of(
                new LabelRecord(
                    traffic.model(),
                    requestId,
                    new Outcome.Number(actual),
                    at.plus(traffic.labelDelay())))
            : Optional.empty();
    return new TrafficFixture.Generated(
        record,
        label,
        new TrafficFixture.Truth(
            requestId, at, false, false, Math.abs(actual - predicted), labelled));
  }

  private static Embedding embedding(Traffic.EmbeddingShape shape, SplittableRandom random) {
    double[] values = new double[shape.dimension()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1 + shape.shift() + gaussian(random);
    }
    return Embedding.of(values);
  }

  /** A standard normal draw (Box–Muller). */
  static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static double exponential(SplittableRandom random) {
    return -Math.log(1 - random.nextDouble());
  }

  /** A category drawn with the given weights. */
  static String pick(Map<String, Double> weights, SplittableRandom random) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double draw = random.nextDouble() * total;
    String last = null;
    for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(weights).entrySet()) {
      last = entry.getKey();
      draw -= entry.getValue();
      if (draw < 0) {
        return last;
      }
    }
    return last;
  }
}
