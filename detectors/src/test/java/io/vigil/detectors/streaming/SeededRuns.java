package io.vigil.detectors.streaming;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Runs detectors over seeded streams for the false-alarm and delay tests: stream {@code s} of a run
 * uses {@code new SplittableRandom(firstSeed + s)}, so every run is the same.
 */
final class SeededRuns {

  /** Draws one value: before the change ({@code changed == false}) or after it. */
  interface Source {
    double draw(SplittableRandom random, boolean changed);
  }

  static final Source STANDARD_NORMAL_STEP_OF_ONE_SIGMA =
      (random, changed) -> random.nextGaussian() + (changed ? 1 : 0);

  private SeededRuns() {}

  /** Drift signals per stationary stream, one entry per stream. */
  static long[] falseAlarms(
      Supplier<StreamingDriftDetector> detectors,
      Source source,
      int streams,
      int length,
      long firstSeed) {
    long[] alarms = new long[streams];
    for (int s = 0; s < streams; s++) {
      SplittableRandom random = new SplittableRandom(firstSeed + s);
      StreamingDriftDetector detector = detectors.get();
      for (int i = 0; i < length; i++) {
        detector.accept(source.draw(random, false));
      }
      alarms[s] = detector.state().detections();
    }
    return alarms;
  }

  /**
   * Delay of the first drift at or after a change after {@code changeAt} values (0: on the first
   * changed value), per stream; -1 where none came within {@code horizon} changed values.
   */
  static int[] delays(
      Supplier<StreamingDriftDetector> detectors,
      Source source,
      int streams,
      int changeAt,
      int horizon,
      long firstSeed) {
    int[] delays = new int[streams];
    for (int s = 0; s < streams; s++) {
      SplittableRandom random = new SplittableRandom(firstSeed + s);
      StreamingDriftDetector detector = detectors.get();
      for (int i = 0; i < changeAt; i++) {
        detector.accept(source.draw(random, false));
      }
      delays[s] = -1;
      for (int i = 0; i < horizon && delays[s] < 0; i++) {
        if (detector.accept(source.draw(random, true)) == DriftSignal.DRIFT) {
          delays[s] = i;
        }
      }
    }
    return delays;
  }

  /** Observations per drift signal over all streams; +∞ without any. */
  static double meanTimeBetweenFalseAlarms(long[] alarmsPerStream, int length) {
    long alarms = 0;
    for (long a : alarmsPerStream) {
      alarms += a;
    }
    return alarms == 0
        ? Double.POSITIVE_INFINITY
        : (double) alarmsPerStream.length * length / alarms;
  }

  /** How many streams detected within {@code maxDelay}. */
  static long detectedWithin(int[] delays, int maxDelay) {
    long count = 0;
    for (int d : delays) {
      if (d >= 0 && d <= maxDelay) {
        count++;
      }
    }
    return count;
  }
}
