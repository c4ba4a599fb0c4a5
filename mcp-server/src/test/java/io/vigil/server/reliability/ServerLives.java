package io.vigil.server.reliability;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Which life of a restarted server is current and whether it is up, for the clients that post to
 * it: a client whose request fails waits here for the next life instead of sleeping and retrying
 * blind, and a failure while the same life is still up is one no kill explains.
 *
 * <p>Each life has an HTTP client of its own, so that no request of a new life goes out on a pooled
 * connection to the process that was killed.
 */
final class ServerLives {

  /** One life of the server: its number and the HTTP client for it. */
  record Life(int number, HttpClient http) {}

  private Life current;
  private boolean up;

  /** The server (re)started and is ready: a new life begins, and waiting clients go on. */
  synchronized void up() {
    int number = current == null ? 1 : current.number() + 1;
    current =
        new Life(number, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    up = true;
    notifyAll();
  }

  /** Called before the server is killed or stopped: failures from here on are expected. */
  synchronized void goingDown() {
    up = false;
    notifyAll();
  }

  /** Whether {@code life} is still the current one and up. */
  synchronized boolean isUp(Life life) {
    return up && current == life;
  }

  /**
   * The current life once the server is up, after {@code previous} (null for any).
   *
   * @throws IllegalStateException if no such life begins within {@code timeout}
   */
  synchronized Life awaitLifeAfter(Life previous, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!up || current == null || (previous != null && current.number() <= previous.number())) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("the server did not come back within " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return current;
  }

  /**
   * Waits up to {@code pause} (a server's {@code Retry-After}), returning early if the life ends.
   */
  synchronized void pause(Life life, Duration pause) throws InterruptedException {
    long deadline = System.nanoTime() + pause.toNanos();
    while (isUp(life)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Wakes everything waiting here, e.g. when the clients are told to finish. */
  synchronized void wake() {
    notifyAll();
  }
}
