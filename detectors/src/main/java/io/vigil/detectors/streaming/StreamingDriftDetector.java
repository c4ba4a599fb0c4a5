package io.vigil.detectors.streaming;

/**
 * A drift detector that reads a stream one value at a time: a mutable accumulator created by an
 * immutable configuration ({@link Adwin}, {@link PageHinkley}, {@link DriftDetectionMethod}, {@link
 * Kswin}) through its {@code newDetector()}.
 *
 * <p>Each call to {@link #accept(double)} reports what the algorithm concludes after that value.
 * After a {@link DriftSignal#DRIFT} the detector adapts by itself, as its algorithm prescribes
 * (ADWIN drops the old part of its window, the others restart their statistics), so a caller keeps
 * feeding the same instance. Instances are not thread-safe.
 */
public interface StreamingDriftDetector {

  /**
   * Adds one observation.
   *
   * @return {@link DriftSignal#DRIFT} when a change is detected at this observation, {@link
   *     DriftSignal#WARNING} where the algorithm defines a warning zone and the stream is in it,
   *     else {@link DriftSignal#NONE}
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or outside the domain the
   *     algorithm reads (0/1 for {@link DriftDetectionMethod}); the detector is then unchanged
   */
  DriftSignal accept(double value);

  /** A snapshot of the detector: observations and detections so far, and its current estimates. */
  DetectorState state();

  /** Returns the detector to the state of a new one from the same configuration. */
  void reset();
}
