package io.vigil.simulation.run;

/** Told how a run progresses and what happens in it, on the thread running it; keep it fast. */
public interface RunListener {

  /** Ignores everything. */
  RunListener NONE = new RunListener() {};

  /** The run moved on to another step or window. */
  default void progress(RunProgress progress) {}

  /** Something happened. */
  default void event(RunEvent event) {}
}
