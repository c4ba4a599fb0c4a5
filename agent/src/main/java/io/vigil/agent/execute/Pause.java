package io.vigil.agent.execute;

import java.time.Duration;

/** Waits between attempts; tests replace it with one that records the waits and returns at once. */
@FunctionalInterface
public interface Pause {

  /** Sleeps on the calling thread. */
  Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

  /** Waits for {@code duration}. */
  void pause(Duration duration) throws InterruptedException;
}
