package io.vigil.simulation.model;

import io.vigil.tools.ingest.FeatureValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fitted two-class logistic regression. Immutable. */
public final class LogisticModel implements TrainedModel {

  private final FeatureEncoding encoding;
  private final double[] weights; // one per term, then the intercept
  private final String positiveClass;
  private final String negativeClass;

  LogisticModel(
      FeatureEncoding encoding, double[] weights, String positiveClass, String negativeClass) {
    this.encoding = encoding;
    this.weights = weights.clone();
    this.positiveClass = positiveClass;
    this.negativeClass = negativeClass;
  }

  @Override
  public Prediction predict(Map<String, FeatureValue> features) {
    double positive = sigmoid(logOdds(weights, encoding.encode(features)));
    return Prediction.binary(positiveClass, negativeClass, positive);
  }

  @Override
  public String describe() {
    return "logistic regression over " + encoding.names() + " predicting " + positiveClass;
  }

  /** Each term ({@code amount}, {@code channel=web}) to its coefficient, in encoding order. */
  public Map<String, Double> coefficients() {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    List<String> names = encoding.names();
    for (int i = 0; i < names.size(); i++) {
      coefficients.put(names.get(i), weights[i]);
    }
    return coefficients;
  }

  public double intercept() {
    return weights[weights.length - 1];
  }

  public String positiveClass() {
    return positiveClass;
  }

  public String negativeClass() {
    return negativeClass;
  }

  /** The term with the largest absolute coefficient (the first on a tie). */
  public String mostImportantTerm() {
    int best = 0;
    for (int i = 1; i < weights.length - 1; i++) {
      if (Math.abs(weights[i]) > Math.abs(weights[best])) {
        best = i;
      }
    }
    return encoding.names().get(best);
  }

  /**
   * This model with the sign of {@code term}'s coefficient flipped: a broken artefact that still
   * looks like a model.
   *
   * @throws IllegalArgumentException if the model has no such term
   */
  public LogisticModel withFlippedSign(String term) {
    int index = encoding.names().indexOf(term);
    if (index < 0) {
      throw new IllegalArgumentException(
          "the model has no term '" + term + "'; its terms: " + encoding.names());
    }
    double[] flipped = weights.clone();
    flipped[index] = -flipped[index];
    return new LogisticModel(encoding, flipped, positiveClass, negativeClass);
  }

  static double logOdds(double[] weights, double[] x) {
    double sum = weights[weights.length - 1];
    for (int j = 0; j < x.length; j++) {
      sum += weights[j] * x[j];
    }
    return sum;
  }

  static double sigmoid(double logOdds) {
    return 1 / (1 + StrictMath.exp(-logOdds));
  }

  @Override
  public String toString() {
    return "LogisticModel" + coefficients() + " intercept " + intercept();
  }
}
