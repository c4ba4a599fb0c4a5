package io.vigil.simulation.serving;

/** Told after each simulated minute a serving run serves; on the serving thread, keep it fast. */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = progress -> {};

  void minuteServed(Progress progress);
}
