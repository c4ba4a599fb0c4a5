package io.vigil.benchmarks;

import io.vigil.detectors.streaming.Adwin;
import io.vigil.detectors.streaming.DetectorState;
import io.vigil.detectors.streaming.DriftDetectionMethod;
import io.vigil.detectors.streaming.DriftSignal;
import io.vigil.detectors.streaming.Kswin;
import io.vigil.detectors.streaming.PageHinkley;
import io.vigil.detectors.streaming.StreamingDriftDetector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Detection delay after a step change and mean time between false alarms (MTBFA) on stationary
 * streams, for each streaming detector under its defaults, next to an "always fire" baseline (delay
 * 0, MTBFA 1). Seeded streams, so every run prints the same table.
 *
 * <p>Numeric detectors read N(0, 1) streams; the step shifts the mean by 1σ. DDM reads Bernoulli
 * error streams; the step raises the error rate from 0.2 to 0.5. The change comes after {@value
 * #CHANGE_AT} values; the delay is the index of the first {@link DriftSignal#DRIFT} at or after the
 * change minus the change index (0: the first changed value), looked for over {@value #HORIZON}
 * values. MTBFA is observations divided by drift signals over {@value #STREAMS} stationary streams
 * of {@value #STATIONARY_LENGTH} values.
 *
 * <p>Usage: {@code StreamingDetectorDelays} (no arguments).
 */
public final class StreamingDetectorDelays {

  private static final int STREAMS = 200;
  private static final int STATIONARY_LENGTH = 10_000;
  private static final int CHANGE_AT = 1_000;
  private static final int HORIZON = 2_000;

  /** What a detector reads: a Gaussian mean shift or a Bernoulli error-rate rise. */
  private enum StreamKind {
    GAUSSIAN,
    BERNOULLI;

    double draw(SplittableRandom random, boolean changed) {
      return switch (this) {
        case GAUSSIAN -> random.nextGaussian() + (changed ? 1 : 0);
        case BERNOULLI -> random.nextDouble() < (changed ? 0.5 : 0.2) ? 1 : 0;
      };
    }
  }

  private record Candidate(String name, StreamKind kind, Supplier<StreamingDriftDetector> create) {}

  private StreamingDetectorDelays() {}

  public static void main(String[] args) {
    List<Candidate> candidates =
        List.of(
            new Candidate("always fire", StreamKind.GAUSSIAN, AlwaysFire::new),
            new Candidate(
                "ADWIN d=0.002", StreamKind.GAUSSIAN, () -> Adwin.withDefaults().newDetector()),
            new Candidate(
                "Page-Hinkley",
                StreamKind.GAUSSIAN,
                () -> PageHinkley.withDefaults().newDetector()),
            new Candidate(
                "DDM (0/1)",
                StreamKind.BERNOULLI,
                () -> DriftDetectionMethod.withDefaults().newDetector()),
            new Candidate("KSWIN", StreamKind.GAUSSIAN, () -> Kswin.withDefaults().newDetector()));
    System.out.printf(
        Locale.ROOT,
        "%-14s %9s %9s %9s %9s %10s %12s%n",
        "detector",
        "detected",
        "mean_dly",
        "med_dly",
        "p95_dly",
        "fa_before",
        "MTBFA");
    for (Candidate candidate : candidates) {
      report(candidate);
    }
  }

  private static void report(Candidate candidate) {
    int[] delays = new int[STREAMS];
    int detected = 0;
    long alarmsBeforeChange = 0;
    for (int s = 0; s < STREAMS; s++) {
      SplittableRandom random = new SplittableRandom(1_000 + s);
      StreamingDriftDetector detector = candidate.create().get();
      for (int i = 0; i < CHANGE_AT; i++) {
        detector.accept(candidate.kind().draw(random, false));
      }
      alarmsBeforeChange += detector.state().detections();
      int delay = firstDrift(detector, candidate.kind(), random);
      if (delay >= 0) {
        delays[detected++] = delay;
      }
    }
    int[] found = Arrays.copyOf(delays, detected);
    Arrays.sort(found);
    double mtbfa = meanTimeBetweenFalseAlarms(candidate);
    System.out.printf(
        Locale.ROOT,
        "%-14s %4d/%-4d %9.1f %9s %9s %10.3f %12s%n",
        candidate.name(),
        detected,
        STREAMS,
        Arrays.stream(found).average().orElse(Double.NaN),
        percentile(found, 0.5),
        percentile(found, 0.95),
        (double) alarmsBeforeChange / STREAMS,
        Double.isInfinite(mtbfa) ? "> " + (long) STREAMS * STATIONARY_LENGTH : fixed(mtbfa));
  }

  /** The delay of the first drift after the change, or -1 if none within the horizon. */
  private static int firstDrift(
      StreamingDriftDetector detector, StreamKind kind, SplittableRandom random) {
    for (int i = 0; i < HORIZON; i++) {
      if (detector.accept(kind.draw(random, true)) == DriftSignal.DRIFT) {
        return i;
      }
    }
    return -1;
  }

  private static double meanTimeBetweenFalseAlarms(Candidate candidate) {
    long alarms = 0;
    for (int s = 0; s < STREAMS; s++) {
      SplittableRandom random = new SplittableRandom(5_000 + s);
      StreamingDriftDetector detector = candidate.create().get();
      for (int i = 0; i < STATIONARY_LENGTH; i++) {
        detector.accept(candidate.kind().draw(random, false));
      }
      alarms += detector.state().detections();
    }
    return alarms == 0 ? Double.POSITIVE_INFINITY : (double) STREAMS * STATIONARY_LENGTH / alarms;
  }

  private static String percentile(int[] sorted, double q) {
    if (sorted.length == 0) {
      return "-";
    }
    return Integer.toString(sorted[(int) Math.ceil(q * sorted.length) - 1]);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** The baseline: a drift at every observation. */
  private static final class AlwaysFire implements StreamingDriftDetector {
    private long observations;

    @Override
    public DriftSignal accept(double value) {
      observations++;
      return DriftSignal.DRIFT;
    }

    @Override
    public DetectorState state() {
      long seen = observations;
      return new DetectorState() {
        @Override
        public long observations() {
          return seen;
        }

        @Override
        public long detections() {
          return seen;
        }
      };
    }

    @Override
    public void reset() {
      observations = 0;
    }
  }
}
