package io.vigil.agent.verify;

import io.vigil.tools.accuracy.AccuracyBucket;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.accuracy.EstimatedAccuracy;
import io.vigil.tools.accuracy.RealizedAccuracy;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.incident.Verification;
import io.vigil.tools.incident.VerificationOutcome;
import io.vigil.tools.latency.LatencyFigures;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * The graph's last node: after an action ran, watches the signal that opened the incident on the
 * records made since, and says whether it recovered once enough evidence exists — labelled
 * predictions, or the label-free estimate while labels lag. Past the deadline without enough
 * evidence, the action counts as not recovered.
 */
public final class Verifier {

  private final ModelRegistry registry;
  private final LatestRecords latest;
  private final AccuracyService accuracy;
  private final LatencyService latency;
  private final VerifyPolicy policy;
  private final InstantSource clock;

  public Verifier(
      Database database,
      ModelRegistry registry,
      AccuracyService accuracy,
      LatencyService latency,
      VerifyPolicy policy,
      InstantSource clock) {
    this.registry = registry;
    this.latest = new LatestRecords(database);
    this.accuracy = accuracy;
    this.latency = latency;
    this.policy = policy;
    this.clock = clock;
  }

  /** One look at {@code incident}'s signal since {@code execution} finished. */
  public Verification check(Incident incident, Execution execution) {
    Model model = registry.snapshot().require(incident.model());
    Instant since = execution.finishedAt();
    Optional<Instant> newest = latest.latest(model.id()).filter(at -> at.isAfter(since));
    Verification look =
        newest.isEmpty()
            ? pending(incident, "no records since the action finished at " + since)
            : look(incident, model, new TimeRange(since, newest.get().plusMillis(1)));
    if (look.outcome() == VerificationOutcome.PENDING
        && !clock.instant().isBefore(since.plus(policy.deadline()))) {
      return new Verification(
          incident.id(),
          clock.instant(),
          VerificationOutcome.NOT_RECOVERED,
          look.observed(),
          look.target(),
          look.sampleSize(),
          look.estimated(),
          "not enough evidence within " + policy.deadline() + " of the action: " + look.detail());
    }
    return look;
  }

  private Verification look(Incident incident, Model model, TimeRange since) {
    Trigger trigger = incident.trigger();
    return switch (trigger.signal()) {
      case LATENCY, ERROR_RATE -> serving(incident, model, since);
      case ACCURACY_SLO,
          ESTIMATED_ACCURACY_SLO,
          DRIFT,
          DRIFT_ACCELERATION,
          SUDDEN_DRIFT,
          MISSING_VALUES,
          PREDICTION_DRIFT,
          ON_DEMAND ->
          model.accuracyTarget().isPresent()
              ? accuracy(incident, model, since, model.accuracyTarget().getAsDouble())
              : serving(incident, model, since);
    };
  }

  private Verification accuracy(Incident incident, Model model, TimeRange since, double target) {
    AccuracyResponse answer =
        accuracy.accuracy(
            new AccuracyRequest(
                model.name(), Optional.empty(), new TimeWindow.Absolute(since), Optional.empty()));
    Optional<RealizedAccuracy> realized = answer.slo().realized();
    if (realized.isPresent() && realized.get().labeled() >= policy.minimumLabeled()) {
      RealizedAccuracy figures = realized.get();
      return decided(
          incident,
          figures.accuracy() >= target,
          figures.accuracy(),
          target,
          figures.labeled(),
          false,
          String.format(
              Locale.ROOT,
              "realized accuracy %.3f on %d labelled predictions since the action, target %.3f",
              figures.accuracy(),
              figures.labeled(),
              target));
    }
    Optional<EstimatedAccuracy> estimate =
        answer.versions().stream()
            .map(version -> version.total())
            .map(AccuracyBucket::estimated)
            .flatMap(Optional::stream)
            .filter(figures -> figures.unlabeledRecords() >= policy.minimumRecords())
            .min((a, b) -> Double.compare(a.accuracy(), b.accuracy()));
    if (estimate.isPresent()) {
      EstimatedAccuracy figures = estimate.get();
      return decided(
          incident,
          figures.accuracy() >= target,
          figures.accuracy(),
          target,
          figures.unlabeledRecords(),
          true,
          String.format(
              Locale.ROOT,
              "estimated accuracy %.3f on %d unlabelled records since the action while labels"
                  + " lag, target %.3f",
              figures.accuracy(),
              figures.unlabeledRecords(),
              target));
    }
    long labeled = realized.map(RealizedAccuracy::labeled).orElse(0L);
    return pending(
        incident,
        labeled
            + " labelled predictions since the action; "
            + policy.minimumLabeled()
            + " are needed");
  }

  private Verification serving(Incident incident, Model model, TimeRange since) {
    LatencyFigures figures =
        latency
            .latency(
                model.name(), Optional.empty(), new TimeWindow.Absolute(since), Optional.empty())
            .overall()
            .total();
    if (figures.records() < policy.minimumRecords()) {
      return pending(
          incident,
          figures.records() + " records since the action; " + policy.minimumRecords() + " needed");
    }
    Trigger trigger = incident.trigger();
    double observed =
        trigger.signal() == SignalKind.LATENCY
            ? figures.p95Ms().orElse(Double.NaN)
            : figures.errorRate();
    boolean recovered = Double.isNaN(trigger.threshold()) || observed < trigger.threshold();
    return decided(
        incident,
        recovered,
        observed,
        trigger.threshold(),
        figures.records(),
        false,
        String.format(
            Locale.ROOT,
            "%s %.3f over %d records since the action, against %.3f when the incident opened",
            trigger.signal() == SignalKind.LATENCY ? "p95 latency (ms)" : "error share",
            observed,
            figures.records(),
            trigger.threshold()));
  }

  private Verification decided(
      Incident incident,
      boolean recovered,
      double observed,
      double target,
      long sampleSize,
      boolean estimated,
      String detail) {
    return new Verification(
        incident.id(),
        clock.instant(),
        recovered ? VerificationOutcome.RECOVERED : VerificationOutcome.NOT_RECOVERED,
        observed,
        target,
        sampleSize,
        estimated,
        detail);
  }

  private Verification pending(Incident incident, String detail) {
    return new Verification(
        incident.id(),
        clock.instant(),
        VerificationOutcome.PENDING,
        Double.NaN,
        Double.NaN,
        0,
        false,
        detail);
  }
}
