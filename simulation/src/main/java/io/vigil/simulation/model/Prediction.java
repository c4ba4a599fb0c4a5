package io.vigil.simulation.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model's answer for one request.
 *
 * @param predictedClass the class it predicts
 * @param confidence the probability it gives that class, in [0, 1]
 * @param probabilities each class to its probability, sorted by class name: a {@code Map.of} given
 *     here iterates in an order that changes from one JVM to the next, and the stored JSON must not
 */
public record Prediction(
    String predictedClass, double confidence, Map<String, Double> probabilities) {

  public Prediction {
    Objects.requireNonNull(predictedClass, "predictedClass");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("a confidence is in [0, 1], was " + confidence);
    }
    probabilities = Collections.unmodifiableMap(new TreeMap<>(probabilities));
    probabilities.forEach(
        (label, probability) -> {
          if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                "the probability of " + label + " must be in [0, 1], was " + probability);
          }
        });
  }

  /**
   * The prediction of a two-class model giving {@code positiveProbability} to the positive class.
   */
  public static Prediction binary(
      String positiveClass, String negativeClass, double positiveProbability) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    probabilities.put(positiveClass, positiveProbability);
    probabilities.put(negativeClass, 1 - positiveProbability);
    return positiveProbability >= 0.5
        ? new Prediction(positiveClass, positiveProbability, probabilities)
        : new Prediction(negativeClass, 1 - positiveProbability, probabilities);
  }
}
