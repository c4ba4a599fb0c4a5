package io.vigil.agent.monitor;

import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph's first node: evaluates every model's signals (accuracy against its SLO, realized or
 * estimated, dataset drift and accelerating feature drift, latency and error spikes) over the
 * recent stretch of its data and opens an incident for the most severe one that fires, unless the
 * model already has an incident open or one opened by the same signal closed within the cooldown.
 */
public final class Monitor {

  private static final Logger log = LoggerFactory.getLogger(Monitor.class);

  /** The actor recorded for incidents the monitor opens. */
  public static final String ACTOR = "vigil-monitor";

  private final ModelRegistry registry;
  private final LatestRecords latest;
  private final SignalReader signals;
  private final IncidentStore incidents;
  private final MonitorPolicy policy;
  private final InstantSource clock;

  public Monitor(
      Database database,
      ModelRegistry registry,
      AccuracyService accuracy,
      DriftService drift,
      LatencyService latency,
      IncidentStore incidents,
      MonitorPolicy policy,
      InstantSource clock) {
    this.registry = registry;
    this.latest = new LatestRecords(database);
    this.signals = new SignalReader(accuracy, drift, latency, policy);
    this.incidents = incidents;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Checks every registered model once. A model whose signals cannot be read (a query a service
   * refuses) is reported in its outcome and does not stop the others; a store that cannot be read
   * stops the sweep.
   *
   * @throws io.vigil.tools.store.StoreUnavailableException if the store cannot be read
   */
  public List<MonitorOutcome> sweep() {
    return sweep(model -> true);
  }

  /** Like {@link #sweep()}, over the models {@code watched} accepts. */
  public List<MonitorOutcome> sweep(Predicate<Model> watched) {
    List<MonitorOutcome> outcomes = new ArrayList<>();
    for (Model model : registry.snapshot().models()) {
      if (!watched.test(model)) {
        continue;
      }
      try {
        outcomes.add(check(model));
      } catch (IllegalArgumentException | IllegalStateException e) {
        log.warn("monitor: cannot check {}: {}", model.name(), e.getMessage());
        outcomes.add(
            new MonitorOutcome(
                model.name(), List.of(), Optional.empty(), "cannot check: " + e.getMessage()));
      }
    }
    return outcomes;
  }

  /**
   * Checks one model once.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if it is not registered
   */
  public MonitorOutcome check(String model) {
    return check(registry.snapshot().require(model));
  }

  /**
   * Opens an incident for {@code model} because someone asked, over {@code window} (or its recent
   * stretch), unless one is already open for it: then that one is returned.
   */
  public Incident openOnDemand(String model, Optional<TimeRange> window, String actor) {
    Model known = registry.snapshot().require(model);
    Optional<Incident> open = incidents.openFor(known.name());
    if (open.isPresent()) {
      return open.get();
    }
    TimeRange range = window.orElseGet(() -> recent(known).orElseGet(this::lastLookbackNow));
    Trigger trigger =
        new Trigger(
            SignalKind.ON_DEMAND,
            range,
            Double.NaN,
            Double.NaN,
            "a diagnosis was requested by " + actor + " for " + range);
    return incidents.open(known.name(), trigger, "Diagnosis requested for " + known.name(), actor);
  }

  private MonitorOutcome check(Model model) {
    Optional<TimeRange> window = recent(model);
    if (window.isEmpty()) {
      return new MonitorOutcome(model.name(), List.of(), Optional.empty(), "no records yet");
    }
    List<RaisedSignal> raised = signals.read(model, window.get());
    if (raised.isEmpty()) {
      return new MonitorOutcome(model.name(), raised, Optional.empty(), "every signal is clear");
    }
    Optional<Incident> open = incidents.openFor(model.name());
    if (open.isPresent()) {
      return new MonitorOutcome(
          model.name(), raised, Optional.empty(), "already covered by " + open.get().id());
    }
    Instant now = clock.instant();
    List<RaisedSignal> fresh =
        raised.stream()
            .filter(signal -> coolingUntil(model, signal.kind(), now).isEmpty())
            .toList();
    if (fresh.isEmpty()) {
      Instant until =
          raised.stream()
              .map(signal -> coolingUntil(model, signal.kind(), now).orElseThrow())
              .min(Instant::compareTo)
              .orElseThrow();
      return new MonitorOutcome(
          model.name(), raised, Optional.empty(), "cooling down until " + until);
    }
    RaisedSignal worst = fresh.get(0);
    Incident opened = incidents.open(model.name(), worst.trigger(), title(model, worst), ACTOR);
    return new MonitorOutcome(
        model.name(), raised, Optional.of(opened), "opened " + opened.id() + " on " + worst.kind());
  }

  /**
   * When the cooldown after the last incident closed on a signal at least as severe as {@code kind}
   * ends, if it has not yet. A more severe signal is not held back: an incident closed on a drift
   * warning (often noise, closed as such) must not delay an SLO breach that follows it, which is a
   * different and worse finding; while the same fault seen a window later through a milder signal
   * (a shifted feature after the predictions it moved) does not open a second incident.
   */
  private Optional<Instant> coolingUntil(Model model, SignalKind kind, Instant now) {
    return Arrays.stream(SignalKind.values())
        .filter(other -> RaisedSignal.severity(other) >= RaisedSignal.severity(kind))
        .map(other -> incidents.lastClosedAt(model.name(), other))
        .flatMap(Optional::stream)
        .max(Instant::compareTo)
        .map(closed -> closed.plus(policy.cooldown()))
        .filter(end -> end.isAfter(now));
  }

  private Optional<TimeRange> recent(Model model) {
    return latest
        .latest(model.id())
        .map(at -> new TimeWindow.Relative(policy.lookback(), false).resolve(at, clock.instant()));
  }

  private TimeRange lastLookbackNow() {
    Instant now = clock.instant();
    return new TimeRange(now.minus(policy.lookback()), now);
  }

  private static String title(Model model, RaisedSignal signal) {
    return switch (signal.kind()) {
      case ACCURACY_SLO -> model.name() + ": accuracy below its SLO";
      case ESTIMATED_ACCURACY_SLO -> model.name() + ": estimated accuracy below its SLO";
      case DRIFT -> model.name() + ": dataset drift";
      case DRIFT_ACCELERATION -> model.name() + ": feature drift accelerating";
      case SUDDEN_DRIFT -> model.name() + ": sudden feature shift";
      case MISSING_VALUES -> model.name() + ": missing values spike";
      case PREDICTION_DRIFT -> model.name() + ": predictions shifted";
      case LATENCY -> model.name() + ": latency spike";
      case ERROR_RATE -> model.name() + ": error spike";
      case ON_DEMAND -> model.name() + ": diagnosis requested";
    };
  }
}
