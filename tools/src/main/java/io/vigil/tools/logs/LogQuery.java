package io.vigil.tools.logs;

import io.vigil.tools.query.TimeWindow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of one model's inference records. Build one with {@link #of} and the {@code with...}
 * methods; every filter left out keeps every record.
 *
 * @param model the registered model's name
 * @param version only this version's records, if given; else every version's
 * @param window the time range searched
 * @param correctness by prediction against label
 * @param confidence only records whose confidence lies in this closed range ({@link
 *     ConfidenceRange#ANY} keeps records without a confidence too)
 * @param features conditions on feature values, all of which must hold
 * @param segment segment attributes the record must carry with exactly these values
 * @param errors by serving failure
 * @param limit the most records returned, 1 to {@value #MAX_LIMIT}
 * @param sampling which matching records are returned when more match than the limit
 * @param seed the random sample's seed, for {@link Sampling#RANDOM}
 */
public record LogQuery(
    String model,
    Optional<String> version,
    TimeWindow window,
    Correctness correctness,
    ConfidenceRange confidence,
    List<FeaturePredicate> features,
    Map<String, String> segment,
    ErrorFilter errors,
    int limit,
    Sampling sampling,
    long seed) {

  /** Records returned when the query does not say. */
  public static final int DEFAULT_LIMIT = 50;

  /** The most records one search returns. */
  public static final int MAX_LIMIT = 1_000;

  /**
   * @throws IllegalArgumentException if the model is missing or the limit is out of range
   */
  public LogQuery {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "model is missing: name the model whose records to search");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(correctness, "correctness");
    Objects.requireNonNull(confidence, "confidence");
    features = List.copyOf(features);
    segment = Map.copyOf(segment);
    Objects.requireNonNull(errors, "errors");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    Objects.requireNonNull(sampling, "sampling");
  }

  /** Every record of {@code model} in {@code window}, newest first, at most 50. */
  public static LogQuery of(String model, TimeWindow window) {
    return new LogQuery(
        model,
        Optional.empty(),
        window,
        Correctness.ANY,
        ConfidenceRange.ANY,
        List.of(),
        Map.of(),
        ErrorFilter.any(),
        DEFAULT_LIMIT,
        Sampling.NEWEST,
        0L);
  }

  /**
   * A closed range of confidence.
   *
   * @param min the lowest confidence kept, in [0, 1]
   * @param max the highest confidence kept, in [min, 1]
   */
  public record ConfidenceRange(double min, double max) {

    /** Every record, including those without a confidence. */
    public static final ConfidenceRange ANY = new ConfidenceRange(0, 1);

    public ConfidenceRange {
      if (!(min >= 0 && max <= 1 && min <= max)) {
        throw new IllegalArgumentException(
            "confidence range must satisfy 0 <= min <= max <= 1, was [" + min + ", " + max + "]");
      }
    }

    boolean isAny() {
      return equals(ANY);
    }
  }

  public LogQuery withVersion(String newVersion) {
    return new LogQuery(
        model,
        Optional.of(newVersion),
        window,
        correctness,
        confidence,
        features,
        segment,
        errors,
        limit,
        sampling,
        seed);
  }

  public LogQuery withCorrectness(Correctness newCorrectness) {
    return new LogQuery(
        model,
        version,
        window,
        newCorrectness,
        confidence,
        features,
        segment,
        errors,
        limit,
        sampling,
        seed);
  }

  public LogQuery withConfidence(double min, double max) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        new ConfidenceRange(min, max),
        features,
        segment,
        errors,
        limit,
        sampling,
        seed);
  }

  /** This query with {@code predicates} as its feature conditions (replacing any it had). */
  public LogQuery withFeatures(List<FeaturePredicate> predicates) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        confidence,
        predicates,
        segment,
        errors,
        limit,
        sampling,
        seed);
  }

  /**
   * This query with feature conditions read from their text form, e.g. {@code "age > 60"}.
   *
   * @throws IllegalArgumentException if one cannot be read, saying where and why
   */
  public LogQuery withFeatures(String... predicates) {
    return withFeatures(java.util.Arrays.stream(predicates).map(FeaturePredicate::parse).toList());
  }

  public LogQuery withSegment(Map<String, String> newSegment) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        confidence,
        features,
        newSegment,
        errors,
        limit,
        sampling,
        seed);
  }

  public LogQuery withErrors(ErrorFilter newErrors) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        confidence,
        features,
        segment,
        newErrors,
        limit,
        sampling,
        seed);
  }

  public LogQuery withLimit(int newLimit) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        confidence,
        features,
        segment,
        errors,
        newLimit,
        sampling,
        seed);
  }

  /** This query returning {@code newSampling}'s records; the seed matters for RANDOM only. */
  public LogQuery withSampling(Sampling newSampling, long newSeed) {
    return new LogQuery(
        model,
        version,
        window,
        correctness,
        confidence,
        features,
        segment,
        errors,
        limit,
        newSampling,
        newSeed);
  }
}
