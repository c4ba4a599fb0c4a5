package io.vigil.agent.reason.ollama;

import java.time.Duration;

/** Waits between attempts; tests replace it so that nothing really waits. */
@FunctionalInterface
public interface Pause {

  /**
   * Waits for {@code length}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void pause(Duration length) throws InterruptedException;

  /** Really waits, by sleeping the calling thread. */
  static Pause sleeping() {
    return length -> Thread.sleep(length.toMillis());
  }
}
