package io.vigil.simulation.model;

import io.vigil.tools.ingest.FeatureValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How a logistic model turns features into a vector: numeric features standardised with the
 * training mean and sd (a missing value becomes 0, the mean), categorical and boolean features
 * one-hot over the categories seen in training (an unseen category is all zeros). Terms are named
 * {@code amount} and {@code channel=web}.
 */
final class FeatureEncoding {

  private final List<Term> terms;

  private FeatureEncoding(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** One position of the vector. */
  private record Term(String feature, String category, double mean, double sd) {
    String name() {
      return category == null ? feature : feature + "=" + category;
    }
  }

  /**
   * The encoding learned from {@code examples}: features in the order they first appear.
   *
   * @throws IllegalArgumentException if a feature is numeric in one example and categorical in
   *     another, or there are no examples
   */
  static FeatureEncoding learn(List<Example> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("cannot learn an encoding from no examples");
    }
    Map<String, Boolean> numericByFeature = new LinkedHashMap<>();
    Map<String, TreeSet<String>> categories = new LinkedHashMap<>();
    for (Example example : examples) {
      example.features().forEach((name, value) -> note(name, value, numericByFeature, categories));
    }
    List<Term> terms = new ArrayList<>();
    numericByFeature.forEach(
        (feature, numeric) -> {
          if (numeric) {
            terms.add(standardised(feature, examples));
          } else {
            categories.get(feature).forEach(c -> terms.add(new Term(feature, c, 0, 1)));
          }
        });
    return new FeatureEncoding(terms);
  }

  private static void note(
      String name,
      FeatureValue value,
      Map<String, Boolean> numericByFeature,
      Map<String, TreeSet<String>> categories) {
    if (value instanceof FeatureValue.Missing) {
      return;
    }
    boolean numeric = value instanceof FeatureValue.Numeric;
    Boolean before = numericByFeature.putIfAbsent(name, numeric);
    if (before != null && before != numeric) {
      throw new IllegalArgumentException(
          "feature '" + name + "' is numeric in some examples and categorical in others");
    }
    if (!numeric) {
      categories.computeIfAbsent(name, n -> new TreeSet<>()).add(category(value));
    }
  }

  private static Term standardised(String feature, List<Example> examples) {
    double sum = 0;
    double sumSquares = 0;
    int count = 0;
    for (Example example : examples) {
      if (example.features().get(feature) instanceof FeatureValue.Numeric numeric) {
        sum += numeric.value();
        sumSquares += numeric.value() * numeric.value();
        count++;
      }
    }
    double mean = sum / count;
    double variance = Math.max(0, sumSquares / count - mean * mean);
    // A constant feature carries no information; sd 1 keeps its (zero) term finite.
    double sd = variance > 0 ? Math.sqrt(variance) : 1;
    return new Term(feature, null, mean, sd);
  }

  private static String category(FeatureValue value) {
    if (value instanceof FeatureValue.Text text) {
      return text.value();
    }
    if (value instanceof FeatureValue.Bool bool) {
      return Boolean.toString(bool.value());
    }
    throw new IllegalStateException("not categorical: " + value);
  }

  int size() {
    return terms.size();
  }

  List<String> names() {
    return terms.stream().map(Term::name).toList();
  }

  double[] encode(Map<String, FeatureValue> features) {
    double[] vector = new double[terms.size()];
    for (int i = 0; i < vector.length; i++) {
      Term term = terms.get(i);
      FeatureValue value = features.get(term.feature());
      if (term.category() == null) {
        vector[i] =
            value instanceof FeatureValue.Numeric numeric
                ? (numeric.value() - term.mean()) / term.sd()
                : 0;
      } else if (value instanceof FeatureValue.Text || value instanceof FeatureValue.Bool) {
        vector[i] = category(value).equals(term.category()) ? 1 : 0;
      }
    }
    return vector;
  }
}
