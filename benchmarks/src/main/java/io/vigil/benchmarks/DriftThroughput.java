package io.vigil.benchmarks;

import io.vigil.detectors.drift.AndersonDarlingTest;
import io.vigil.detectors.drift.ChiSquareTest;
import io.vigil.detectors.drift.CramerVonMisesTest;
import io.vigil.detectors.drift.KolmogorovSmirnovTest;
import io.vigil.detectors.drift.PopulationStabilityIndex;
import io.vigil.detectors.drift.QuantileBins;
import io.vigil.detectors.drift.WassersteinDistance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Times Vigil's univariate drift tests on the inputs {@code bench/drift_vs_scipy.py} wrote, so that
 * both implementations see the same numbers. Prints one line per (test, n): {@code test n median_ms
 * result}, where the result is a checksum that must agree with scipy's.
 *
 * <p>Usage: {@code DriftThroughput DIR n...}; DIR holds {@code ref-N.f64}, {@code cur-N.f64}
 * (little-endian doubles) and {@code refcat-N.i32}, {@code curcat-N.i32} (category codes).
 */
public final class DriftThroughput {

  /** Warm-up by time, so that small inputs reach the JIT's optimized code before measurement. */
  private static final long WARM_UP_NANOS = 1_000_000_000L;

  private static final long TARGET_NANOS = 2_000_000_000L;
  private static final int MIN_RUNS = 3;
  private static final int MAX_RUNS = 100_000;

  private DriftThroughput() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    for (int a = 1; a < args.length; a++) {
      int n = Integer.parseInt(args[a]);
      double[] reference = doubles(dir.resolve("ref-" + n + ".f64"));
      double[] current = doubles(dir.resolve("cur-" + n + ".f64"));
      int[] referenceCodes = ints(dir.resolve("refcat-" + n + ".i32"));
      int[] currentCodes = ints(dir.resolve("curcat-" + n + ".i32"));
      Map<String, ToDoubleFunction<Void>> tests = new LinkedHashMap<>();
      tests.put("ks", v -> KolmogorovSmirnovTest.withDefaults().test(reference, current).pValue());
      tests.put("ad", v -> AndersonDarlingTest.withDefaults().test(reference, current).statistic());
      tests.put("cvm", v -> CramerVonMisesTest.withDefaults().test(reference, current).pValue());
      tests.put(
          "chisquare",
          v -> {
            long[][] counts = counts(referenceCodes, currentCodes);
            return ChiSquareTest.withDefaults().test(counts[0], counts[1]).pValue();
          });
      tests.put(
          "wasserstein",
          v -> WassersteinDistance.withDefaults().between(reference, current).distance());
      tests.put(
          "psi",
          v -> {
            QuantileBins bins = QuantileBins.fromReference(reference);
            return PopulationStabilityIndex.withDefaults()
                .between(bins.count(reference), bins.count(current));
          });
      for (Map.Entry<String, ToDoubleFunction<Void>> test : tests.entrySet()) {
        time(test.getKey(), n, test.getValue());
      }
    }
  }

  private static void time(String name, int n, ToDoubleFunction<Void> test) {
    double result = test.applyAsDouble(null); // the checksum
    long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
    for (int i = 0; i < 3 || System.nanoTime() < warmUpEnd; i++) {
      test.applyAsDouble(null);
    }
    long[] runs = new long[MAX_RUNS];
    int count = 0;
    long spent = 0;
    while (count < MAX_RUNS && (count < MIN_RUNS || spent < TARGET_NANOS)) {
      long start = System.nanoTime();
      test.applyAsDouble(null);
      runs[count] = System.nanoTime() - start;
      spent += runs[count++];
    }
    long[] measured = Arrays.copyOf(runs, count);
    Arrays.sort(measured);
    System.out.printf(
        Locale.ROOT, "%s %d %.4f %.17g%n", name, n, measured[count / 2] / 1e6, result);
  }

  private static long[][] counts(int[] reference, int[] current) {
    int categories = 0;
    for (int code : reference) {
      categories = Math.max(categories, code + 1);
    }
    for (int code : current) {
      categories = Math.max(categories, code + 1);
    }
    long[][] counts = new long[2][categories];
    for (int code : reference) {
      counts[0][code]++;
    }
    for (int code : current) {
      counts[1][code]++;
    }
    return counts;
  }

  private static double[] doubles(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[bytes.remaining() / Double.BYTES];
    bytes.asDoubleBuffer().get(values);
    return values;
  }

  private static int[] ints(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int[] values = new int[bytes.remaining() / Integer.BYTES];
    bytes.asIntBuffer().get(values);
    return values;
  }
}
