package io.vigil.agent.monitor;

import io.vigil.detectors.dynamics.Risk;
import io.vigil.tools.accuracy.AccuracyBucket;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.accuracy.EstimatedAccuracy;
import io.vigil.tools.accuracy.RealizedAccuracy;
import io.vigil.tools.accuracy.SloReport;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.DriftStatus;
import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.drift.FeatureDynamics;
import io.vigil.tools.incident.LearnedText;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.latency.LatencyFigures;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads one model's signals over a stretch of its data through the query services (the same ones
 * the MCP tools answer from) and says which of them fire.
 */
final class SignalReader {

  /** Windows in a row a feature's drift must warn before it raises the acceleration signal. */
  static final int SUSTAINED_WINDOWS = 3;

  /**
   * A sudden shift's effect is at least this many times its threshold. Ten minutes of healthy
   * traffic (a few hundred records) tested against the baseline stays below it: at twice the
   * threshold, one seed in ten of the simulation's credit world opened an incident on noise before
   * any fault, in every scenario run with it (a KS distance of 0.10 on 400 records is p ≈ 0.003,
   * and the monitor asks seven features every five minutes); the sudden faults it is for move a
   * feature by far more (0.4 to 1.0 for shifts, unit changes and stuck values).
   */
  static final double SUDDEN_EFFECT_RATIO = 3;

  /** A missing share 10 points above the baseline's is a pipeline dropping values. */
  static final double MISSING_RISE = 0.10;

  private final AccuracyService accuracy;
  private final DriftService drift;
  private final LatencyService latency;
  private final MonitorPolicy policy;

  SignalReader(
      AccuracyService accuracy, DriftService drift, LatencyService latency, MonitorPolicy policy) {
    this.accuracy = accuracy;
    this.drift = drift;
    this.latency = latency;
    this.policy = policy;
  }

  /** The signals that fire for {@code model} over {@code window}, most severe first. */
  List<RaisedSignal> read(Model model, TimeRange window) {
    List<RaisedSignal> raised = new ArrayList<>();
    TimeRange reference = new TimeRange(window.from().minus(window.length()), window.from());
    LatencyFigures now = latency(model, window);
    if (now.records() < policy.minimumRecords()) {
      return raised;
    }
    LatencyFigures before = latency(model, reference);
    if (model.task() == ModelTask.CLASSIFICATION && model.accuracyTarget().isPresent()) {
      accuracySignal(model, window).ifPresent(raised::add);
    }
    errorSignal(window, now, before).ifPresent(raised::add);
    latencySignal(window, now, before).ifPresent(raised::add);
    DriftResponse hour = drift(model, window);
    raised.addAll(driftSignals(hour));
    raised.addAll(suddenSignals(model, hour));
    raised.sort((a, b) -> Integer.compare(b.severity(), a.severity()));
    return raised;
  }

  private LatencyFigures latency(Model model, TimeRange range) {
    return latency
        .latency(model.name(), Optional.empty(), new TimeWindow.Absolute(range), Optional.empty())
        .overall()
        .total();
  }

  private Optional<RaisedSignal> accuracySignal(Model model, TimeRange window) {
    double target = model.accuracyTarget().getAsDouble();
    AccuracyResponse answer =
        accuracy.accuracy(
            new AccuracyRequest(
                model.name(), Optional.empty(), new TimeWindow.Absolute(window), Optional.empty()));
    SloReport slo = answer.slo();
    Optional<RealizedAccuracy> realized = slo.realized();
    if (realized.isPresent() && realized.get().labeled() >= policy.minimumLabeled()) {
      RealizedAccuracy figures = realized.get();
      if (figures.upper() < target) {
        return Optional.of(
            new RaisedSignal(
                SignalKind.ACCURACY_SLO,
                answer.range(),
                figures.accuracy(),
                target,
                String.format(
                    Locale.ROOT,
                    "realized accuracy %.3f (95%% interval %.3f-%.3f, %d labelled) is below the"
                        + " %.3f target",
                    figures.accuracy(),
                    figures.lower(),
                    figures.upper(),
                    figures.labeled(),
                    target)));
      }
      return Optional.empty();
    }
    return estimatedSignal(answer, target);
  }

  /** While labels lag, the label-free estimate of the worst version stands in for them. */
  private static Optional<RaisedSignal> estimatedSignal(AccuracyResponse answer, double target) {
    return answer.versions().stream()
        .map(version -> version.total())
        .map(AccuracyBucket::estimated)
        .flatMap(Optional::stream)
        .filter(estimate -> estimate.upper() < target)
        .min((a, b) -> Double.compare(a.accuracy(), b.accuracy()))
        .map(estimate -> estimated(answer.range(), estimate, target));
  }

  private static RaisedSignal estimated(
      TimeRange range, EstimatedAccuracy estimate, double target) {
    return new RaisedSignal(
        SignalKind.ESTIMATED_ACCURACY_SLO,
        range,
        estimate.accuracy(),
        target,
        String.format(
            Locale.ROOT,
            "estimated accuracy %.3f (interval %.3f-%.3f, %d unlabelled records) is below the"
                + " %.3f target while labels lag",
            estimate.accuracy(),
            estimate.lower(),
            estimate.upper(),
            estimate.unlabeledRecords(),
            target));
  }

  private Optional<RaisedSignal> errorSignal(
      TimeRange window, LatencyFigures now, LatencyFigures before) {
    double reference = Math.max(before.errorRate(), 1.0 / Math.max(1, before.records()));
    if (now.errorRate() >= policy.errorRateFloor()
        && now.errorRate() >= policy.errorRateRatio() * reference) {
      return Optional.of(
          new RaisedSignal(
              SignalKind.ERROR_RATE,
              window,
              now.errorRate(),
              policy.errorRateFloor(),
              String.format(
                  Locale.ROOT,
                  "%.1f%% of %d requests failed, against %.1f%% in the stretch before",
                  100 * now.errorRate(),
                  now.records(),
                  100 * before.errorRate())));
    }
    return Optional.empty();
  }

  private Optional<RaisedSignal> latencySignal(
      TimeRange window, LatencyFigures now, LatencyFigures before) {
    OptionalDouble current = now.p95Ms();
    OptionalDouble previous = before.p95Ms();
    if (current.isEmpty()
        || previous.isEmpty()
        || before.latencyCount() < policy.minimumRecords()
        || previous.getAsDouble() <= 0) {
      return Optional.empty();
    }
    double limit = policy.latencyRatio() * previous.getAsDouble();
    if (current.getAsDouble() < limit) {
      return Optional.empty();
    }
    return Optional.of(
        new RaisedSignal(
            SignalKind.LATENCY,
            window,
            current.getAsDouble(),
            limit,
            String.format(
                Locale.ROOT,
                "p95 latency %.0f ms, against %.0f ms in the stretch before",
                current.getAsDouble(),
                previous.getAsDouble())));
  }

  private DriftResponse drift(Model model, TimeRange window) {
    return drift.drift(
        new DriftRequest(
            model.name(),
            Optional.empty(),
            Optional.of(new TimeWindow.Absolute(window)),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty()));
  }

  private List<RaisedSignal> driftSignals(DriftResponse answer) {
    List<RaisedSignal> raised = new ArrayList<>();
    if (answer.status() == DriftStatus.DATASET_DRIFT) {
      raised.add(
          new RaisedSignal(
              SignalKind.DRIFT,
              answer.range(),
              answer.dataset().driftedShare(),
              answer.dataset().datasetDriftShare(),
              String.format(
                  Locale.ROOT,
                  "dataset drift on version %s: %d of %d features drifted",
                  answer.version(),
                  answer.dataset().driftedFeatures(),
                  answer.dataset().testedFeatures())));
    }
    accelerating(answer).ifPresent(raised::add);
    return raised;
  }

  /**
   * The changes that show first in the newest stretch ({@link MonitorPolicy#recent()}) of {@code
   * window} and were not there in the rest of it: a feature that shifted strongly, a missing share
   * that jumped, predictions that moved. Each is a fault that began in the last minutes, seen a
   * window after its onset instead of when it has filled enough of the hour to move the hour's
   * tests; a change older than the recent stretch shows in the rest of the window too and raises
   * nothing here again (the hour's own signals cover it). The stretches are cut from {@code hour}'s
   * range, the lookback aligned to whole profile windows, so they are whole windows too.
   */
  private List<RaisedSignal> suddenSignals(Model model, DriftResponse hour) {
    TimeRange window = hour.range();
    Instant split = window.to().minus(policy.recent());
    if (!split.isAfter(window.from())) {
      return List.of();
    }
    TimeRange recent = new TimeRange(split, window.to());
    DriftResponse now = drift(model, recent);
    if (now.currentRecords() < policy.minimumRecords()) {
      return List.of();
    }
    DriftResponse before = drift(model, new TimeRange(window.from(), split));
    Optional<FeatureDriftResult> missing =
        now.features().stream()
            .filter(f -> missingRise(f, policy.minimumRecords()) >= MISSING_RISE)
            .filter(f -> !(missingRise(f, before) >= MISSING_RISE))
            .max((a, b) -> Double.compare(missingRise(a, 0), missingRise(b, 0)));
    Optional<FeatureDriftResult> answers =
        Stream.of(
                now.prediction().filter(p -> !changedBefore(before.prediction())),
                now.confidence().filter(c -> !changedBefore(before.confidence())))
            .flatMap(Optional::stream)
            .filter(SignalReader::strong)
            .max((a, b) -> Double.compare(ratio(a), ratio(b)));
    Optional<FeatureDriftResult> shifted =
        now.features().stream()
            .filter(f -> strong(f) && !changedBefore(feature(before, f.feature())))
            .max((a, b) -> Double.compare(ratio(a), ratio(b)));
    if (missing.isEmpty() && answers.isEmpty() && shifted.isEmpty()) {
      return List.of();
    }
    Optional<DriftResponse> newest = newestWindow(model, hour, recent);
    List<RaisedSignal> raised = new ArrayList<>();
    missing
        .map(
            f ->
                missingSpike(
                    f, focus(recent, newest, r -> missingRise(f.feature(), r) >= MISSING_RISE)))
        .ifPresent(raised::add);
    answers
        .map(
            p ->
                predictionShift(
                    p,
                    focus(
                        recent,
                        newest,
                        r -> result(r, p.feature()).filter(SignalReader::strong).isPresent())))
        .ifPresent(raised::add);
    shifted
        .map(
            f ->
                suddenShift(
                    f,
                    focus(
                        recent,
                        newest,
                        r -> result(r, f.feature()).filter(SignalReader::strong).isPresent())))
        .ifPresent(raised::add);
    return raised;
  }

  /**
   * The newest profile window of the recent stretch, read alone, when it holds at least half the
   * records the monitor trusts: a change that fills it already is investigated over it alone, so
   * that the healthy window before the onset does not dilute what the change looks like (a stuck
   * feature half of whose values are still real is not recognisably stuck).
   */
  private Optional<DriftResponse> newestWindow(Model model, DriftResponse hour, TimeRange recent) {
    Optional<Duration> length =
        hour.features().stream()
            .map(FeatureDriftResult::dynamics)
            .flatMap(Optional::stream)
            .map(FeatureDynamics::windowLength)
            .findFirst()
            .filter(l -> l.compareTo(recent.length()) < 0);
    return length
        .map(l -> drift(model, new TimeRange(recent.to().minus(l), recent.to())))
        .filter(r -> r.currentRecords() >= policy.minimumRecords() / 2);
  }

  /** The newest window when the change shows in it alone, else the whole recent stretch. */
  private static TimeRange focus(
      TimeRange recent, Optional<DriftResponse> newest, Predicate<DriftResponse> changed) {
    return newest.filter(changed).map(DriftResponse::range).orElse(recent);
  }

  private static Optional<FeatureDriftResult> result(DriftResponse answer, String name) {
    if (answer.prediction().filter(p -> p.feature().equals(name)).isPresent()) {
      return answer.prediction();
    }
    if (answer.confidence().filter(c -> c.feature().equals(name)).isPresent()) {
      return answer.confidence();
    }
    return feature(answer, name);
  }

  private static RaisedSignal missingSpike(FeatureDriftResult worst, TimeRange window) {
    double share = share(worst.currentMissing(), worst.currentCount());
    double reference = share(worst.referenceMissing(), worst.referenceCount());
    return new RaisedSignal(
        SignalKind.MISSING_VALUES,
        window,
        share,
        reference + MISSING_RISE,
        String.format(
            Locale.ROOT,
            "feature %s is missing in %.1f%% of the %d newest records, against %.1f%% in the"
                + " baseline",
            LearnedText.quoted(worst.feature()),
            100 * share,
            worst.currentCount() + worst.currentMissing(),
            100 * reference));
  }

  private static RaisedSignal predictionShift(FeatureDriftResult prediction, TimeRange recent) {
    return new RaisedSignal(
        SignalKind.PREDICTION_DRIFT,
        recent,
        prediction.effectSize().orElseThrow(),
        prediction.effectThreshold().orElseThrow(),
        String.format(
            Locale.ROOT,
            "the distribution of the model's %s shifted in the newest windows: %s %.3f, %.1f×"
                + " its threshold, while the stretch before held",
            prediction.feature().equals(FeatureNames.CONFIDENCE) ? "confidences" : "predictions",
            prediction.effectSizeName().orElse("effect"),
            prediction.effectSize().orElseThrow(),
            ratio(prediction)));
  }

  private static RaisedSignal suddenShift(FeatureDriftResult feature, TimeRange recent) {
    return new RaisedSignal(
        SignalKind.SUDDEN_DRIFT,
        recent,
        feature.effectSize().orElseThrow(),
        feature.effectThreshold().orElseThrow(),
        String.format(
            Locale.ROOT,
            "feature %s shifted abruptly in the newest windows: %s %.3f, %.1f× its threshold,"
                + " while the stretch before held",
            LearnedText.quoted(feature.feature()),
            feature.effectSizeName().orElse("effect"),
            feature.effectSize().orElseThrow(),
            ratio(feature)));
  }

  /** Drifted (significant and past its threshold) by {@link #SUDDEN_EFFECT_RATIO} its threshold. */
  private static boolean strong(FeatureDriftResult result) {
    return result.verdict() == DriftVerdict.DRIFTED && ratio(result) >= SUDDEN_EFFECT_RATIO;
  }

  /** Whether the stretch before the recent one had drifted already (untested counts as not). */
  private static boolean changedBefore(Optional<FeatureDriftResult> earlier) {
    return earlier.map(e -> e.verdict() == DriftVerdict.DRIFTED).orElse(false);
  }

  private static Optional<FeatureDriftResult> feature(DriftResponse answer, String name) {
    return answer.features().stream().filter(f -> f.feature().equals(name)).findFirst();
  }

  private static double ratio(FeatureDriftResult result) {
    if (result.effectSize().isEmpty() || result.effectThreshold().isEmpty()) {
      return 0;
    }
    double ratio = result.effectSize().getAsDouble() / result.effectThreshold().getAsDouble();
    return Double.isFinite(ratio) ? ratio : 0;
  }

  /**
   * The rise of the feature's missing share over the baseline's; 0 under {@code minimum} records.
   */
  private static double missingRise(FeatureDriftResult feature, long minimum) {
    if (feature.currentCount() + feature.currentMissing() < minimum) {
      return 0;
    }
    return share(feature.currentMissing(), feature.currentCount())
        - share(feature.referenceMissing(), feature.referenceCount());
  }

  private static double missingRise(FeatureDriftResult feature, DriftResponse other) {
    return missingRise(feature.feature(), other);
  }

  private static double missingRise(String name, DriftResponse answer) {
    return feature(answer, name).map(f -> missingRise(f, 0)).orElse(0.0);
  }

  private static double share(long missing, long present) {
    return missing + present == 0 ? 0 : (double) missing / (missing + present);
  }

  /**
   * The feature whose drift is closest to its alarm and still speeding up, if any is at risk and
   * its drift over the monitor's stretch is significant beyond its effect threshold (a rising level
   * that the drift test does not confirm was, on healthy traffic, noise about twice a day). The
   * signal's window is the stretch the warning has held for (its last {@value #SUSTAINED_WINDOWS}
   * windows), not the dynamics' whole series nor the monitor's hour, which lie mostly before the
   * change: the investigation compares the changed stretch with the hour before it, so a fault a
   * few windows old is not diluted by the healthy traffic around it.
   */
  private static Optional<RaisedSignal> accelerating(DriftResponse answer) {
    FeatureDriftResult worst = null;
    for (FeatureDriftResult feature : answer.features()) {
      Optional<FeatureDynamics> dynamics = feature.dynamics();
      if (dynamics.isEmpty()
          || !atRisk(dynamics.get())
          || feature.verdict() != DriftVerdict.DRIFTED) {
        continue;
      }
      if (worst == null || dynamics.get().level() > worst.dynamics().orElseThrow().level()) {
        worst = feature;
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    FeatureDynamics dynamics = worst.dynamics().orElseThrow();
    return Optional.of(
        new RaisedSignal(
            SignalKind.DRIFT_ACCELERATION,
            warned(dynamics),
            dynamics.level(),
            dynamics.alarmThreshold(),
            String.format(
                Locale.ROOT,
                "the drift of feature %s is %s: level %.3f against alarm %.3f, velocity %+.4f and"
                    + " acceleration %+.4f per window",
                LearnedText.quoted(worst.feature()),
                dynamics.risk().name().toLowerCase(Locale.ROOT),
                dynamics.level(),
                dynamics.alarmThreshold(),
                dynamics.velocityPerWindow(),
                dynamics.accelerationPerWindow())));
  }

  /**
   * At risk and rising, in each of the newest {@value #SUSTAINED_WINDOWS} windows. One window's
   * warning is what noise gives now and then across a model's features, and a smoothed level stays
   * up for a window or two after a noisy score (a day of healthy 5-minute windows over seven
   * features gave four single-window warnings and two of two windows); a warning that holds for
   * three windows is the trend the signal is for, at the cost of two windows of lead.
   */
  private static boolean atRisk(FeatureDynamics dynamics) {
    List<Risk> risks = dynamics.risks();
    return risks.size() >= SUSTAINED_WINDOWS
        && risks.subList(risks.size() - SUSTAINED_WINDOWS, risks.size()).stream()
            .allMatch(SignalReader::warns)
        && dynamics.velocityPerWindow() > 0;
  }

  /** The last {@value #SUSTAINED_WINDOWS} windows of the dynamics' series. */
  private static TimeRange warned(FeatureDynamics dynamics) {
    Instant end = dynamics.series().to();
    Instant from = end.minus(dynamics.windowLength().multipliedBy(SUSTAINED_WINDOWS));
    return new TimeRange(
        from.isBefore(dynamics.series().from()) ? dynamics.series().from() : from, end);
  }

  private static boolean warns(Risk risk) {
    return risk == Risk.WARNING || risk == Risk.CRITICAL;
  }
}
