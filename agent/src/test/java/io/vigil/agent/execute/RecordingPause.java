package io.vigil.agent.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pause that returns at once and remembers how long it was asked to wait. */
public final class RecordingPause implements Pause {

  private final List<Duration> waits = new ArrayList<>();

  @Override
  public synchronized void pause(Duration duration) {
    waits.add(duration);
  }

  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
