package io.vigil.tools.ingest;

import io.vigil.tools.ingest.CommitListener.JoinedLabel;
import io.vigil.tools.ingest.InferenceTable.LabelTarget;
import io.vigil.tools.ingest.WindowCounters.Delta;
import io.vigil.tools.ingest.WindowCounters.WindowKey;
import io.vigil.tools.registry.RegistrySnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Joins labels to inferences, whichever arrives first, and keeps the realized-metric counters of
 * the inference's window exact: a label for a stored inference updates that window; a label that
 * arrives first waits in {@code label} and is joined when its inference is stored; a corrected
 * label takes back the old label's contribution.
 */
final class LabelJoin {

  /** Whether a class prediction matched its label; null when unlabelled or not a class. */
  static Boolean correct(Outcome prediction, Outcome label) {
    if (prediction instanceof Outcome.Category predicted
        && label instanceof Outcome.Category truth) {
      return predicted.value().equals(truth.value());
    }
    return null;
  }

  /** Counts a newly stored record (and its already-known label, if any) in its window. */
  static void count(WindowCounters counters, WindowKey key, InferenceRecord record, Outcome label) {
    boolean failed = record.error().isPresent();
    Outcome prediction = record.prediction().orElse(null);
    add(counters.window(key), 1, failed, prediction, label, 1);
    record.error().ifPresent(type -> counters.error(key, type));
    record
        .segment()
        .forEach(
            (attribute, value) ->
                add(counters.segment(key, attribute, value), 1, failed, prediction, label, 1));
  }

  /**
   * Stores labels and joins those whose inference is stored.
   *
   * @return how many labels replaced an earlier label for the same request
   */
  int apply(
      Connection connection,
      RegistrySnapshot registry,
      List<LabelRecord> labels,
      Instant now,
      WindowCounters counters,
      List<JoinedLabel> joined)
      throws SQLException {
    Map<String, List<LabelRecord>> byModel = new LinkedHashMap<>();
    labels.forEach(
        label -> byModel.computeIfAbsent(label.model(), m -> new ArrayList<>()).add(label));
    int replaced = 0;
    for (Map.Entry<String, List<LabelRecord>> model : byModel.entrySet()) {
      long modelId = registry.require(model.getKey()).id();
      List<String> ids = model.getValue().stream().map(LabelRecord::requestId).toList();
      Set<String> existing = InferenceTable.existingLabels(connection, modelId, ids);
      replaced += existing.size();
      InferenceTable.writeLabels(connection, modelId, model.getValue(), existing, now);
      Map<String, LabelTarget> targets = InferenceTable.labelTargets(connection, modelId, ids);
      List<LabelRecord> joining = new ArrayList<>();
      Map<String, Boolean> correctness = new HashMap<>();
      for (LabelRecord label : model.getValue()) {
        LabelTarget target = targets.get(label.requestId());
        if (target == null) {
          continue;
        }
        joining.add(label);
        correctness.put(label.requestId(), correct(target.prediction(), label.label()));
        recount(counters, modelId, target, label.label());
        if (target.previousLabel() == null && target.prediction() != null) {
          joined.add(event(registry, model.getKey(), target, label.label()));
        }
      }
      if (!joining.isEmpty()) {
        InferenceTable.setInferenceLabels(connection, modelId, joining, correctness);
      }
    }
    return replaced;
  }

  private static void recount(
      WindowCounters counters, long modelId, LabelTarget target, Outcome label) {
    WindowKey key = new WindowKey(modelId, target.versionId(), target.windowStart());
    if (target.previousLabel() != null) {
      add(
          counters.window(key),
          0,
          target.failed(),
          target.prediction(),
          target.previousLabel(),
          -1);
      target
          .segment()
          .forEach(
              (attribute, value) ->
                  add(
                      counters.segment(key, attribute, value),
                      0,
                      target.failed(),
                      target.prediction(),
                      target.previousLabel(),
                      -1));
    }
    add(counters.window(key), 0, target.failed(), target.prediction(), label, 1);
    target
        .segment()
        .forEach(
            (attribute, value) ->
                add(
                    counters.segment(key, attribute, value),
                    0,
                    target.failed(),
                    target.prediction(),
                    label,
                    1));
  }

  /**
   * Adds {@code sign} times a label's contribution (and {@code records} records) to a counter row.
   * Only a labelled record with a prediction counts towards realized metrics.
   */
  private static void add(
      Delta delta, int records, boolean failed, Outcome prediction, Outcome label, int sign) {
    delta.records += records;
    if (records > 0 && failed) {
      delta.failed += records;
    }
    if (label == null || prediction == null) {
      return;
    }
    delta.labeled += sign;
    Boolean correct = correct(prediction, label);
    if (Boolean.TRUE.equals(correct)) {
      delta.correct += sign;
    }
    if (prediction instanceof Outcome.Number predicted && label instanceof Outcome.Number truth) {
      double error = truth.value() - predicted.value();
      delta.absoluteError += sign * Math.abs(error);
      delta.squaredError += sign * error * error;
    }
  }

  private static JoinedLabel event(
      RegistrySnapshot registry, String model, LabelTarget target, Outcome label) {
    String version = registry.versionById(target.versionId()).version();
    Boolean correct = correct(target.prediction(), label);
    OptionalDouble absoluteError =
        target.prediction() instanceof Outcome.Number p && label instanceof Outcome.Number t
            ? OptionalDouble.of(Math.abs(t.value() - p.value()))
            : OptionalDouble.empty();
    return new JoinedLabel(model, version, Optional.ofNullable(correct), absoluteError);
  }
}
