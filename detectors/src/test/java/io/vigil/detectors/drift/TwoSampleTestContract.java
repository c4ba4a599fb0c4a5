package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every two-sample significance test owes its callers, inherited by each test's own test
 * class: the order of the samples and of the values in them does not matter, inputs are never
 * modified, bad input is refused with the sample named, and results stay in range.
 */
abstract class TwoSampleTestContract {

  /** Runs the test under its defaults. */
  abstract TwoSampleTestResult run(double[] reference, double[] current);

  /** The p-value the test reports for identical samples (1, or a capped maximum). */
  abstract double pValueForIdenticalSamples();

  /** The scipy reference cases with two numeric samples, for the subclasses' comparisons. */
  static Stream<ReferenceCases.Case> numericCases() {
    return ReferenceCases.ofKind("numeric");
  }

  static double[] normal(SplittableRandom random, int n, double mean) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + random.nextGaussian();
    }
    return values;
  }

  @Test
  void contract_identicalSamples_giveNoEvidenceOfDrift() {
    double[] sample = normal(new SplittableRandom(1), 200, 0);

    TwoSampleTestResult result = run(sample, sample.clone());

    assertThat(result.pValue()).isEqualTo(pValueForIdenticalSamples());
  }

  @Test
  void contract_swappedSamples_giveTheSameStatisticAndPValue() {
    SplittableRandom random = new SplittableRandom(2);
    double[] reference = normal(random, 300, 0);
    double[] current = normal(random, 170, 0.3);

    TwoSampleTestResult forward = run(reference, current);
    TwoSampleTestResult backward = run(current, reference);

    assertThat(backward.statistic()).isEqualTo(forward.statistic());
    assertThat(backward.pValue()).isEqualTo(forward.pValue());
  }

  @Test
  void contract_shuffledInput_givesTheSameResult() {
    SplittableRandom random = new SplittableRandom(3);
    double[] reference = normal(random, 120, 0);
    double[] current = normal(random, 90, 0.4);
    double[] shuffled = current.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }

    TwoSampleTestResult original = run(reference, current);
    TwoSampleTestResult reordered = run(reference, shuffled);

    assertThat(reordered).isEqualTo(original);
  }

  @Test
  void contract_inputs_areNotModified() {
    SplittableRandom random = new SplittableRandom(4);
    double[] reference = normal(random, 50, 0);
    double[] current = normal(random, 60, 1);
    double[] referenceBefore = reference.clone();
    double[] currentBefore = current.clone();

    run(reference, current);

    assertThat(reference).containsExactly(referenceBefore);
    assertThat(current).containsExactly(currentBefore);
  }

  @Test
  void contract_emptySample_isRefusedNamingIt() {
    double[] sample = normal(new SplittableRandom(5), 10, 0);

    assertThatThrownBy(() -> run(new double[0], sample))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference");
    assertThatThrownBy(() -> run(sample, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void contract_nonFiniteValue_isRefusedNamingTheSample(double bad) {
    double[] clean = normal(new SplittableRandom(6), 10, 0);
    double[] dirty = clean.clone();
    dirty[3] = bad;

    assertThatThrownBy(() -> run(dirty, clean))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference")
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> run(clean, dirty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current")
        .hasMessageContaining("index 3");
  }

  @Test
  void contract_manySeededInputs_keepStatisticFiniteAndPValueInTheUnitInterval() {
    SplittableRandom random = new SplittableRandom(7);

    for (int r = 0; r < 200; r++) {
      int n = 5 + random.nextInt(200);
      int m = 5 + random.nextInt(200);
      TwoSampleTestResult result =
          run(normal(random, n, 0), normal(random, m, random.nextDouble() - 0.5));

      assertThat(result.statistic()).isFinite();
      assertThat(result.pValue()).isBetween(0.0, 1.0);
    }
  }
}
