package io.vigil.tools.ingest;

import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a batch against the registry: the model and version exist, the prediction and label fit
 * the model's task, every feature keeps the kind it was declared or first seen with, and the
 * batch's limits hold. Learns the kinds of features seen for the first time.
 *
 * <p>Class predictions may arrive as JSON integers or booleans (many classifiers emit 0/1); they
 * become the class of the same text. Writer thread only.
 */
final class RegistryCheck {

  private final IngestLimits limits;

  /** Features learned by earlier batches of the current commit group, not yet in the snapshot. */
  private final Map<Long, Map<String, FeatureKind>> learned = new HashMap<>();

  RegistryCheck(IngestLimits limits) {
    this.limits = limits;
  }

  /** What a checked inference batch stores. */
  record Checked(List<CheckedRecord> records, Map<Long, Map<String, FeatureKind>> newFeatures) {}

  /**
   * A record with its model and version resolved and its prediction normalized.
   *
   * @param index the record's position in its batch
   */
  record CheckedRecord(int index, InferenceRecord record, Model model, ModelVersion version) {}

  /** Forget features learned by a group that did not commit. */
  void reset() {
    learned.clear();
  }

  /**
   * @throws BatchRejectedException with every violation found
   */
  Checked inferences(RegistrySnapshot registry, List<InferenceRecord> batch) {
    List<Violation> violations = new ArrayList<>();
    if (batch.isEmpty()) {
      throw new BatchRejectedException(List.of(Violation.ofBatch("the batch is empty")));
    }
    if (batch.size() > limits.maxRecordsPerBatch()) {
      throw new BatchRejectedException(
          List.of(
              Violation.ofBatch(
                  "the batch holds "
                      + batch.size()
                      + " records; at most "
                      + limits.maxRecordsPerBatch()
                      + " are accepted at once")));
    }
    Map<Long, Map<String, FeatureKind>> newFeatures = new HashMap<>();
    List<CheckedRecord> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < batch.size(); index++) {
      InferenceRecord record = batch.get(index);
      int before = violations.size();
      if (!seen.add(record.model() + '\u0000' + record.requestId())) {
        violations.add(
            violation(index, record, "request_id", "appears more than once in this batch"));
      }
      Optional<Model> model = registry.find(record.model());
      if (model.isEmpty()) {
        violations.add(
            violation(
                index,
                record,
                "model",
                "unknown model '" + record.model() + "'; known: " + registry.modelNames()));
        continue;
      }
      Optional<ModelVersion> version = registry.version(record.model(), record.version());
      if (version.isEmpty()) {
        violations.add(
            violation(
                index,
                record,
                "version",
                "model '"
                    + record.model()
                    + "' has no version '"
                    + record.version()
                    + "'; register it first (known: "
                    + registry.versions(record.model()).stream().map(ModelVersion::version).toList()
                    + ")"));
        continue;
      }
      InferenceRecord normalized = normalizePrediction(index, record, model.get(), violations);
      checkFeatures(index, record, model.get().id(), registry, newFeatures, violations);
      if (violations.size() == before) {
        checked.add(new CheckedRecord(index, normalized, model.get(), version.get()));
      }
    }
    if (!violations.isEmpty()) {
      throw new BatchRejectedException(violations);
    }
    newFeatures.forEach(
        (modelId, features) ->
            learned.computeIfAbsent(modelId, id -> new HashMap<>()).putAll(features));
    return new Checked(checked, newFeatures);
  }

  /**
   * Resolves labels' models and normalizes their values to the models' tasks.
   *
   * @throws BatchRejectedException with every violation found
   */
  List<LabelRecord> labels(RegistrySnapshot registry, List<LabelRecord> batch) {
    if (batch.isEmpty()) {
      throw new BatchRejectedException(List.of(Violation.ofBatch("the batch is empty")));
    }
    if (batch.size() > limits.maxRecordsPerBatch()) {
      throw new BatchRejectedException(
          List.of(
              Violation.ofBatch(
                  "the batch holds "
                      + batch.size()
                      + " labels; at most "
                      + limits.maxRecordsPerBatch()
                      + " are accepted at once")));
    }
    List<Violation> violations = new ArrayList<>();
    List<LabelRecord> normalized = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < batch.size(); index++) {
      LabelRecord label = batch.get(index);
      if (!seen.add(label.model() + '\u0000' + label.requestId())) {
        violations.add(
            new Violation(
                index, label.requestId(), "request_id", "appears more than once in this batch"));
        continue;
      }
      Optional<Model> model = registry.find(label.model());
      if (model.isEmpty()) {
        violations.add(
            new Violation(
                index,
                label.requestId(),
                "model",
                "unknown model '" + label.model() + "'; known: " + registry.modelNames()));
        continue;
      }
      Outcome value = normalize(label.label(), model.get().task());
      if (value == null) {
        violations.add(
            new Violation(
                index, label.requestId(), "label", expectation(model.get(), label.label())));
        continue;
      }
      normalized.add(new LabelRecord(label.model(), label.requestId(), value, label.timestamp()));
    }
    if (!violations.isEmpty()) {
      throw new BatchRejectedException(violations);
    }
    return normalized;
  }

  private InferenceRecord normalizePrediction(
      int index, InferenceRecord record, Model model, List<Violation> violations) {
    if (record.prediction().isEmpty()) {
      return record;
    }
    Outcome prediction = record.prediction().get();
    Outcome value = normalize(prediction, model.task());
    if (value == null) {
      violations.add(violation(index, record, "prediction", expectation(model, prediction)));
      return record;
    }
    if (model.task() == ModelTask.REGRESSION && !record.probabilities().isEmpty()) {
      violations.add(
          violation(
              index, record, "probabilities", "a regression model has no class probabilities"));
    }
    if (value.equals(prediction)) {
      return record;
    }
    return new InferenceRecord(
        record.requestId(),
        record.model(),
        record.version(),
        record.timestamp(),
        record.features(),
        record.embedding(),
        Optional.of(value),
        record.confidence(),
        record.probabilities(),
        record.latencyMs(),
        record.segment(),
        record.error());
  }

  /** The outcome in the model's task's form, or null when it cannot be. */
  static Outcome normalize(Outcome outcome, ModelTask task) {
    if (task == ModelTask.REGRESSION) {
      return outcome instanceof Outcome.Number ? outcome : null;
    }
    if (outcome instanceof Outcome.Number number) {
      double value = number.value();
      if (value != Math.rint(value) || Math.abs(value) > 1e15) {
        return null;
      }
      return new Outcome.Category(Long.toString((long) value));
    }
    return outcome;
  }

  private static String expectation(Model model, Outcome given) {
    return model.task() == ModelTask.REGRESSION
        ? "model '"
            + model.name()
            + "' is a regression model: expected a number, got '"
            + given
            + "'"
        : "model '"
            + model.name()
            + "' is a classifier: expected a class (a string, or an integer), got "
            + given;
  }

  private void checkFeatures(
      int index,
      InferenceRecord record,
      long modelId,
      RegistrySnapshot registry,
      Map<Long, Map<String, FeatureKind>> newFeatures,
      List<Violation> violations) {
    Map<String, FeatureKind> known = registry.featuresOf(modelId);
    Map<String, FeatureKind> learnedHere = learned.getOrDefault(modelId, Map.of());
    Map<String, FeatureKind> added =
        newFeatures.computeIfAbsent(modelId, id -> new LinkedHashMap<>());
    for (Map.Entry<String, FeatureValue> feature : record.features().entrySet()) {
      String name = feature.getKey();
      FeatureKind kind = feature.getValue().kind();
      FeatureKind expected = known.get(name);
      if (expected == null) {
        expected = learnedHere.getOrDefault(name, added.get(name));
      }
      // A name the model has was checked when it was declared or first seen.
      String problem = expected == null ? FeatureNames.problem(name) : null;
      if (problem != null) {
        violations.add(violation(index, record, "features." + name, problem));
        continue;
      }
      if (kind == null) {
        continue;
      }
      if (expected == null) {
        int total = known.size() + learnedHere.size() + added.size();
        if (total >= limits.maxFeaturesPerModel()) {
          violations.add(
              violation(
                  index,
                  record,
                  "features." + name,
                  "model already has "
                      + total
                      + " features, the most one model may have; new features are refused"));
        } else {
          added.put(name, kind);
        }
      } else if (expected != kind) {
        violations.add(
            violation(
                index,
                record,
                "features." + name,
                "is "
                    + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " here but the model's feature is "
                    + expected.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
  }

  private static Violation violation(
      int index, InferenceRecord record, String field, String message) {
    return new Violation(index, record.requestId(), field, message);
  }
}
