package io.vigil.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.RegistrySnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code vigil_model_accuracy_target{model}}: each model's accuracy SLO from the registry, so that
 * an alert rule compares realized accuracy with the model's own target instead of one number
 * written into the rule. Models without a target have no gauge; the gauges follow the registry as
 * models are registered.
 */
public final class AccuracyTargetGauges {

  static final String NAME = "vigil.model.accuracy.target";

  private final MeterRegistry meters;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  public AccuracyTargetGauges(MeterRegistry meters, ModelRegistry registry) {
    this.meters = meters;
    registry.addListener(this::follow);
    follow(registry.snapshot());
  }

  /** The model's published target, or NaN when it has none. */
  public double target(String model) {
    Target target = targets.get(model);
    return target == null ? Double.NaN : target.value;
  }

  private void follow(RegistrySnapshot snapshot) {
    for (Model model : snapshot.models()) {
      model
          .accuracyTarget()
          .ifPresent(
              target -> targets.computeIfAbsent(model.name(), this::register).value = target);
    }
  }

  private Target register(String model) {
    Target target = new Target();
    Gauge.builder(NAME, target, holder -> holder.value)
        .description("Accuracy SLO of a classification model, as a share")
        .tag("model", model)
        .strongReference(true)
        .register(meters);
    return target;
  }

  private static final class Target {
    volatile double value = Double.NaN;
  }
}
