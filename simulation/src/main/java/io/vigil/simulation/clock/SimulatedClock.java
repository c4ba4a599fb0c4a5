package io.vigil.simulation.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The simulation's time: it stands still until the simulation moves it, so a day of traffic runs in
 * seconds and a run never depends on the wall clock. It only moves forward, as time does for the
 * store and the agent reading it. Safe to read from other threads (the ingestion writer reads it).
 */
public final class SimulatedClock implements InstantSource {

  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public SimulatedClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Moves the clock forward by {@code step}.
   *
   * @return the new time
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public synchronized Instant advance(Duration step) {
    Objects.requireNonNull(step, "step");
    if (step.isNegative()) {
      throw new IllegalArgumentException(
          "the simulated clock only moves forward; step was " + step);
    }
    now = now.plus(step);
    return now;
  }

  /**
   * Moves the clock to {@code at}.
   *
   * @throws IllegalArgumentException if {@code at} is before the clock's time
   */
  public synchronized void set(Instant at) {
    Objects.requireNonNull(at, "at");
    if (at.isBefore(now)) {
      throw new IllegalArgumentException(
          "the simulated clock only moves forward: it is " + now + ", cannot set it to " + at);
    }
    now = at;
  }

  @Override
  public String toString() {
    return "SimulatedClock[" + now + "]";
  }
}
