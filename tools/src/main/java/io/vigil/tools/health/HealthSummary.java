package io.vigil.tools.health;

import io.vigil.tools.accuracy.SloReport;
import io.vigil.tools.drift.DriftStatus;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds {@link ModelHealth} answers and their plain-language summaries. */
final class HealthSummary {

  private HealthSummary() {}

  static ModelHealth noData(Model model, Optional<String> active) {
    String why = "no records yet";
    OptionalDouble target =
        model.task() == ModelTask.CLASSIFICATION ? model.accuracyTarget() : OptionalDouble.empty();
    return new ModelHealth(
        model.name(),
        active,
        HealthStatus.NO_DATA,
        List.of(why),
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        SloReport.evaluate(target, 0, 0),
        new DriftSignal(SignalState.UNKNOWN, DriftStatus.NO_DATA, 0, 0, List.of(), why),
        new ErrorRateSignal(SignalState.UNKNOWN, 0, 0, 0, 0, OptionalDouble.empty(), why),
        new LatencySignal(
            SignalState.UNKNOWN, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0, why),
        model.name() + ": NO_DATA, the model has no records yet.");
  }

  static ModelHealth of(
      Model model,
      Optional<String> active,
      Instant latestRecord,
      TimeRange day,
      long recordsLastHour,
      long recordsLastDay,
      HealthService.Signals signals) {
    List<String> reasons = new ArrayList<>();
    HealthStatus status = signals.status(reasons);
    String summary =
        model.name()
            + active.map(v -> " (active version " + v + ")").orElse("")
            + ": "
            + status
            + ", "
            + String.join("; ", reasons)
            + ". "
            + recordsLastDay
            + " records in "
            + day
            + " (the last 24 hours of its data, widened to whole windows), "
            + recordsLastHour
            + " in the last hour.";
    return new ModelHealth(
        model.name(),
        active,
        status,
        reasons,
        Optional.of(latestRecord),
        Optional.of(day),
        recordsLastHour,
        recordsLastDay,
        signals.slo(),
        signals.drift(),
        signals.errorRate(),
        signals.latency(),
        summary);
  }

  static String overall(List<ModelHealth> models) {
    if (models.isEmpty()) {
      return "No model is registered.";
    }
    Map<HealthStatus, List<String>> byStatus = new EnumMap<>(HealthStatus.class);
    for (ModelHealth model : models) {
      byStatus.computeIfAbsent(model.status(), s -> new ArrayList<>()).add(model.model());
    }
    List<String> parts = new ArrayList<>();
    for (HealthStatus status :
        List.of(
            HealthStatus.CRITICAL,
            HealthStatus.WARNING,
            HealthStatus.NO_DATA,
            HealthStatus.HEALTHY)) {
      List<String> names = byStatus.getOrDefault(status, List.of());
      if (!names.isEmpty()) {
        parts.add(
            names.size()
                + " "
                + status
                + (status == HealthStatus.HEALTHY ? "" : " (" + String.join(", ", names) + ")"));
      }
    }
    return models.size()
        + (models.size() == 1 ? " model: " : " models: ")
        + String.join(", ", parts)
        + ".";
  }
}
