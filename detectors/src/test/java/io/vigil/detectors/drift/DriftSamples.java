package io.vigil.detectors.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded synthetic samples for the decision tests. */
final class DriftSamples {

  private DriftSamples() {}

  static FeatureSample.Numeric normal(SplittableRandom random, int n, double mean, double sd) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + sd * random.nextGaussian();
    }
    return new FeatureSample.Numeric(values, 0);
  }

  static FeatureSample.Categorical categorical(
      SplittableRandom random, int n, double[] probabilities, String... categories) {
    long[] counts = new long[categories.length];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int k = 0;
      while (k < probabilities.length - 1 && u >= probabilities[k]) {
        u -= probabilities[k];
        k++;
      }
      counts[k]++;
    }
    Map<String, Long> map = new LinkedHashMap<>();
    for (int k = 0; k < categories.length; k++) {
      map.put(categories[k], counts[k]);
    }
    return new FeatureSample.Categorical(map, 0);
  }

  static Map<String, FeatureSample> one(String name, FeatureSample sample) {
    Map<String, FeatureSample> map = new LinkedHashMap<>();
    map.put(name, sample);
    return map;
  }
}
