package io.vigil.tools.drift;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelVersion;
import java.util.List;
import java.util.Optional;

/** One resolved drift question, and the answers it can be given. */
record DriftQuery(
    Model model,
    ModelVersion version,
    VersionChoice versionChoice,
    TimeRange requested,
    TimeRange range,
    DriftPolicy policy,
    WindowGrid grid) {

  /** An answer without comparisons: no baseline, or no data. */
  DriftResponse empty(DriftStatus status, Optional<BaselineUsed> baseline) {
    DatasetDrift dataset = dataset(DatasetDriftReport.of(policy, List.of()));
    String why =
        status == DriftStatus.NO_BASELINE
            ? "no baseline to compare with: neither this version nor any other version of the"
                + " model has one; store one from training data or from a window of traffic"
            : "no profiled records of this version in the window";
    return new DriftResponse(
        model.name(),
        version.version(),
        versionChoice,
        requested,
        range,
        status,
        baseline,
        0,
        List.of(),
        dataset,
        Optional.empty(),
        "no prediction drift: " + why,
        Optional.empty(),
        Optional.empty(),
        "no embedding drift: " + why,
        DriftSummary.empty(this, why));
  }

  /** The full answer. */
  DriftResponse answer(
      BaselineUsed baseline,
      long records,
      List<FeatureDriftResult> features,
      DatasetDriftReport report,
      Optional<FeatureDriftResult> prediction,
      String predictionNote,
      Optional<FeatureDriftResult> confidence,
      EmbeddingComparison.Outcome embedding) {
    DriftStatus status =
        report.datasetDrift()
            ? DriftStatus.DATASET_DRIFT
            : report.driftedFeatures() > 0 ? DriftStatus.FEATURE_DRIFT : DriftStatus.NO_DRIFT;
    DriftResponse draft =
        new DriftResponse(
            model.name(),
            version.version(),
            versionChoice,
            requested,
            range,
            status,
            Optional.of(baseline),
            records,
            features,
            dataset(report),
            prediction,
            predictionNote,
            confidence,
            embedding.result(),
            embedding.note(),
            "");
    return draft.withSummary(DriftSummary.of(this, draft));
  }

  private DatasetDrift dataset(DatasetDriftReport report) {
    return new DatasetDrift(
        report.datasetDrift(),
        report.testedFeatures(),
        report.driftedFeatures(),
        report.driftedShare(),
        policy.datasetDriftShare(),
        policy.alpha(),
        policy.correction().name());
  }
}
