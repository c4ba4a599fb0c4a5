package io.vigil.detectors.streaming;

/**
 * What every detector's state snapshot reports; each detector's own record adds its estimates.
 * Counts run from the detector's creation or its last {@link StreamingDriftDetector#reset()}.
 */
public interface DetectorState {

  /** Observations accepted. */
  long observations();

  /** Observations at which {@link DriftSignal#DRIFT} was reported. */
  long detections();
}
