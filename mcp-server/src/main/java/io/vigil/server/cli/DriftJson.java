package io.vigil.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.drift.FeatureSample;
import io.vigil.tools.csv.CsvTable;

/**
 * The {@code --format json} document, format {@value #FORMAT}. Documented in docs/drift-json.md;
 * fields are only ever added within a format version, never renamed or removed.
 */
final class DriftJson {

  static final String FORMAT = "vigil.drift/v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DriftJson() {}

  static String render(CsvTable reference, CsvTable current, DatasetDriftReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.set("reference", table(reference));
    root.set("current", table(current));
    ObjectNode policy = root.putObject("policy");
    policy.put("alpha", report.policy().alpha());
    policy.put("correction", DriftTable.correctionId(report.policy().correction()));
    policy.put("dataset_drift_share", report.policy().datasetDriftShare());
    ObjectNode dataset = root.putObject("dataset");
    dataset.put("drifted", report.datasetDrift());
    dataset.put("tested_features", report.testedFeatures());
    dataset.put("drifted_features", report.driftedFeatures());
    dataset.put("drifted_share", report.driftedShare());
    ArrayNode names = dataset.putArray("drifted_feature_names");
    report.drifted().forEach(f -> names.add(f.feature()));
    ArrayNode features = root.putArray("features");
    for (FeatureDrift feature : report.features()) {
      features.add(feature(feature, reference.columns().get(feature.feature())));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree built in memory", e);
    }
  }

  private static ObjectNode table(CsvTable table) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", table.file().toString());
    node.put("rows", table.rows());
    return node;
  }

  private static ObjectNode feature(FeatureDrift drift, FeatureSample sample) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("feature", drift.feature());
    node.put("type", sample instanceof FeatureSample.Numeric ? "numeric" : "categorical");
    node.put("tested", drift instanceof FeatureDrift.Tested);
    node.put("drifted", drift.drifted());
    if (drift instanceof FeatureDrift.Tested tested) {
      node.put("method", tested.method().id());
      number(node, "statistic", tested.statistic());
      node.put("p_value", tested.pValue());
      node.put("adjusted_p_value", tested.adjustedPValue());
      number(node, "effect_size", tested.effectSize());
      node.put("effect_size_measure", tested.method().effectSizeName());
      node.put("effect_threshold", tested.effectThreshold());
    } else {
      node.put("reason", ((FeatureDrift.Untested) drift).reason());
    }
    node.set("reference", counts(drift.reference()));
    node.set("current", counts(drift.current()));
    return node;
  }

  /** Finite numbers as numbers; an infinite effect size (constant reference) as "Infinity". */
  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.put(field, value > 0 ? "Infinity" : "-Infinity");
    }
  }

  private static ObjectNode counts(FeatureDrift.SampleCounts counts) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("present", counts.present());
    node.put("missing", counts.missing());
    node.put("missing_share", counts.missingShare());
    return node;
  }
}
