package io.vigil.simulation.run;

import io.vigil.simulation.fault.Fault;
import io.vigil.simulation.fault.FaultContext;
import io.vigil.simulation.fault.FaultFactory;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.serving.Latency;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.FeatureValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scenario's faults made for one run: their row and serving transforms chained in the scenario's
 * order, gated so that nothing before the run proper's start is touched whatever an injector does
 * (the warm-up, and the baseline taken from it, stay healthy), and the releases they make, each
 * named {@code v2}, {@code v3}, ... in order.
 */
record InjectedFaults(
    RowTransform rows,
    ServingTransform serving,
    List<ScheduledRelease> releases,
    List<Onset> onsets) {

  /**
   * A release at its absolute time.
   *
   * @param release what the fault released
   * @param at when it is deployed
   */
  record ScheduledRelease(Fault.Release release, Instant at) {}

  static InjectedFaults make(
      List<FaultSpec> specs,
      FaultFactory factory,
      World world,
      Instant runStart,
      LogisticModel serving,
      Duration window) {
    List<RowTransform> rows = new ArrayList<>();
    List<ServingTransform> servings = new ArrayList<>();
    List<ScheduledRelease> releases = new ArrayList<>();
    List<Onset> onsets = new ArrayList<>();
    for (FaultSpec spec : specs) {
      String name = "v" + (2 + releases.size());
      Fault fault = factory.make(spec, new FaultContext(world, runStart, serving, name));
      rows.add(fault.rows());
      servings.add(fault.serving());
      fault.release().ifPresent(r -> releases.add(scheduled(r, runStart)));
      Instant at = runStart.plus(spec.onset());
      int index = (int) (spec.onset().toMillis() / window.toMillis());
      onsets.add(new Onset(spec.kind(), spec.shape(), at, index));
    }
    return new InjectedFaults(
        gated(RowTransform.chain(rows), runStart),
        gated(ServingTransform.chain(servings), runStart),
        releases,
        onsets);
  }

  private static ScheduledRelease scheduled(Fault.Release release, Instant runStart) {
    if (release.at().toSeconds() % 60 != 0 || release.at().toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(
          "release of "
              + release.version()
              + " at "
              + release.at()
              + " after the start: releases are deployed on whole minutes");
    }
    return new ScheduledRelease(release, runStart.plus(release.at()));
  }

  private static RowTransform gated(RowTransform inner, Instant runStart) {
    return new RowTransform() {
      @Override
      public Draw population(Draw draw, SplittableRandom random) {
        return draw.at().isBefore(runStart) ? draw : inner.population(draw, random);
      }

      @Override
      public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
        return draw.at().isBefore(runStart) ? logOdds : inner.logOdds(draw, logOdds, random);
      }

      @Override
      public Map<String, FeatureValue> inputs(
          Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
        return draw.at().isBefore(runStart) ? inputs : inner.inputs(draw, inputs, random);
      }
    };
  }

  private static ServingTransform gated(ServingTransform inner, Instant runStart) {
    return new ServingTransform() {
      @Override
      public Prediction prediction(
          Row row, String version, Prediction prediction, SplittableRandom random) {
        return row.at().isBefore(runStart)
            ? prediction
            : inner.prediction(row, version, prediction, random);
      }

      @Override
      public Latency latency(Row row, String version, Latency latency, SplittableRandom random) {
        return row.at().isBefore(runStart) ? latency : inner.latency(row, version, latency, random);
      }
    };
  }
}
