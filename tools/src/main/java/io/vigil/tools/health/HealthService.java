package io.vigil.tools.health;

import io.vigil.tools.accuracy.SloReport;
import io.vigil.tools.accuracy.SloStatus;
import io.vigil.tools.accuracy.WindowCounters;
import io.vigil.tools.accuracy.WindowCounts;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.DriftStatus;
import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Each model's health over the last 24 hours of its data: traffic, the accuracy SLO, and the open
 * signals (dataset drift of the active version; error rate and p95 latency against the day before),
 * folded into one status with its reasons.
 *
 * <p>{@link HealthStatus#CRITICAL} when the accuracy SLO is breached beyond noise (the Wilson
 * interval's upper bound is below the target) or at least {@value #CRITICAL_ERROR_RATE} of requests
 * failed; {@link HealthStatus#WARNING} on dataset drift, a significant rise of the error rate, p95
 * latency {@value DayOverDay#LATENCY_P95_RATIO} times the day before's, or an SLO miss within
 * noise.
 */
public final class HealthService {

  /** A quarter of requests failing is an outage in all but name. */
  static final double CRITICAL_ERROR_RATE = 0.25;

  private static final TimeWindow DAY = new TimeWindow.Relative(Duration.ofDays(1), false);
  private static final TimeWindow HOUR = new TimeWindow.Relative(Duration.ofHours(1), false);
  private static final int TOP_FEATURES = 3;

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final WindowGrid grid;
  private final LatestRecords latest;
  private final WindowCounters counters;
  private final DayOverDay dayOverDay;
  private final DriftService drift;

  public HealthService(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      IngestSettings settings,
      DriftService drift) {
    this.registry = registry;
    this.clock = clock;
    this.grid = new WindowGrid(settings.window());
    this.latest = new LatestRecords(database);
    this.counters = new WindowCounters(database);
    this.dayOverDay = new DayOverDay(new ProfileRepository(database, settings.profileSpans()));
    this.drift = drift;
  }

  /**
   * The health of one model, or of every model when none is named.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the named model is unknown
   */
  public HealthResponse health(Optional<String> model) {
    RegistrySnapshot snapshot = registry.snapshot();
    List<Model> models =
        model.isPresent() ? List.of(snapshot.require(model.get())) : snapshot.models();
    List<ModelHealth> healths = new ArrayList<>();
    for (Model each : models) {
      healths.add(modelHealth(snapshot, each));
    }
    healths.sort(
        Comparator.comparing((ModelHealth h) -> severity(h.status()))
            .reversed()
            .thenComparing(ModelHealth::model));
    return new HealthResponse(clock.instant(), healths, HealthSummary.overall(healths));
  }

  private static int severity(HealthStatus status) {
    return switch (status) {
      case CRITICAL -> 3;
      case WARNING -> 2;
      case NO_DATA -> 1;
      case HEALTHY -> 0;
    };
  }

  private ModelHealth modelHealth(RegistrySnapshot snapshot, Model model) {
    Optional<Instant> latestRecord = latest.latest(model.id());
    Optional<String> active = snapshot.activeVersion(model.name());
    if (latestRecord.isEmpty()) {
      return HealthSummary.noData(model, active);
    }
    Instant now = clock.instant();
    TimeRange day = grid.alignOutward(DAY.resolve(latestRecord.get(), now));
    TimeRange hour = grid.alignOutward(HOUR.resolve(latestRecord.get(), now));
    TimeRange dayBefore = new TimeRange(day.from().minus(day.length()), day.from());
    Map<Long, WindowCounts> dayTotals = counters.totals(model.id(), day);
    Map<Long, WindowCounts> dayBeforeTotals = counters.totals(model.id(), dayBefore);
    WindowCounts lastDay = sum(dayTotals);
    OptionalDouble target =
        model.task() == ModelTask.CLASSIFICATION ? model.accuracyTarget() : OptionalDouble.empty();
    SloReport slo = SloReport.evaluate(target, lastDay.correct(), lastDay.labeled());
    Set<Long> versions = new HashSet<>(dayTotals.keySet());
    versions.addAll(dayBeforeTotals.keySet());
    Signals signals =
        new Signals(
            slo,
            driftSignal(model, active),
            DayOverDay.errorRate(lastDay, sum(dayBeforeTotals)),
            dayOverDay.latency(model.id(), versions, day, dayBefore));
    return HealthSummary.of(
        model,
        active,
        latestRecord.get(),
        day,
        sum(counters.totals(model.id(), hour)).records(),
        lastDay.records(),
        signals);
  }

  /** The checked signals of one model. */
  record Signals(
      SloReport slo, DriftSignal drift, ErrorRateSignal errorRate, LatencySignal latency) {

    HealthStatus status(List<String> reasons) {
      List<String> critical = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      if (slo.status() == SloStatus.BREACHED) {
        (slo.breachSignificant() ? critical : warnings)
            .add("accuracy SLO breached: " + slo.explanation());
      }
      if (errorRate.currentRate() >= CRITICAL_ERROR_RATE) {
        critical.add("most requests failing: " + errorRate.note());
      } else if (errorRate.state() == SignalState.RAISED) {
        warnings.add("error rate rising: " + errorRate.note());
      }
      if (drift.state() == SignalState.RAISED) {
        warnings.add("dataset drift: " + String.join(", ", drift.topFeatures()) + " drifted");
      }
      if (latency.state() == SignalState.RAISED) {
        warnings.add("latency rising: " + latency.note());
      }
      reasons.addAll(critical);
      reasons.addAll(warnings);
      if (!critical.isEmpty()) {
        return HealthStatus.CRITICAL;
      }
      if (!warnings.isEmpty()) {
        return HealthStatus.WARNING;
      }
      reasons.add("no open signal");
      return HealthStatus.HEALTHY;
    }
  }

  private DriftSignal driftSignal(Model model, Optional<String> active) {
    if (active.isEmpty()) {
      return new DriftSignal(
          SignalState.UNKNOWN, DriftStatus.NO_DATA, 0, 0, List.of(), "the model has no version");
    }
    DriftRequest request =
        new DriftRequest(
            model.name(),
            active,
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());
    DriftResponse response = drift.drift(request);
    SignalState state =
        switch (response.status()) {
          case DATASET_DRIFT -> SignalState.RAISED;
          case FEATURE_DRIFT, NO_DRIFT -> SignalState.CLEAR;
          case NO_BASELINE, NO_DATA -> SignalState.UNKNOWN;
        };
    List<String> top =
        response.features().stream()
            .filter(f -> f.verdict() == DriftVerdict.DRIFTED)
            .limit(TOP_FEATURES)
            .map(FeatureDriftResult::feature)
            .toList();
    return new DriftSignal(
        state,
        response.status(),
        response.dataset().driftedFeatures(),
        response.dataset().testedFeatures(),
        top,
        response.summary());
  }

  private static WindowCounts sum(Map<Long, WindowCounts> totals) {
    return totals.values().stream().reduce(WindowCounts.ZERO, WindowCounts::plus);
  }
}
