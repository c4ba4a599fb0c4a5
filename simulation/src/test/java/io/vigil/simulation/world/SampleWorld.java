package io.vigil.simulation.world;

import java.util.List;
import java.util.Map;

/** Worlds the simulation's tests share. */
public final class SampleWorld {

  private SampleWorld() {}

  /**
   * A well-separated fraud world: {@code amount} and {@code age} drive the label strongly, {@code
   * channel=web} raises the odds, {@code tenure} does nothing; traffic is split over three regions.
   */
  public static WorldSpec fraud() {
    return new WorldSpec(
        "fraud",
        List.of(
            new NumericFeature("amount", 120, 40, 3.5),
            new NumericFeature("age", 40, 12, -2.0),
            new NumericFeature("tenure", 5, 2, 0)),
        List.of(
            new CategoricalFeature(
                "channel",
                Map.of("web", 0.5, "app", 0.3, "store", 0.2),
                Map.of("web", 1.5, "store", -1.0))),
        new SegmentSpec("region", Map.of("eu", 0.5, "us", 0.3, "apac", 0.2)),
        new LabelRule(-0.5, 0.3, "fraud", "ok"));
  }
}
