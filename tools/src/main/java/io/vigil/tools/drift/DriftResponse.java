package io.vigil.tools.drift;

import io.vigil.tools.query.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift of a version's traffic over a window against its baseline: per feature, over the dataset,
 * of the prediction and of the embeddings.
 *
 * @param model the model's name
 * @param version the examined version
 * @param versionChoice whether the request named the version or it is the active one
 * @param requested the window as asked, resolved to absolute times
 * @param range the window answered: {@code requested} widened to whole profile windows
 * @param status the verdict
 * @param baseline the baseline compared with, when there is one
 * @param currentRecords records profiled in the window
 * @param features each examined feature, ranked (most drifted first)
 * @param dataset the dataset verdict
 * @param prediction drift of the prediction's distribution, when the baseline profiled it
 * @param predictionNote why there is no prediction drift, or empty
 * @param confidence drift of the confidences a classifier gave, when both sides profiled them: a
 *     fallback answering part of the traffic with one fixed score barely moves the predicted
 *     classes but moves the confidences far
 * @param embedding drift of the embeddings, when both sides have them
 * @param embeddingNote why there is no embedding drift, or what it compared
 * @param summary the key figures in a sentence or two
 */
public record DriftResponse(
    String model,
    String version,
    VersionChoice versionChoice,
    TimeRange requested,
    TimeRange range,
    DriftStatus status,
    Optional<BaselineUsed> baseline,
    long currentRecords,
    List<FeatureDriftResult> features,
    DatasetDrift dataset,
    Optional<FeatureDriftResult> prediction,
    String predictionNote,
    Optional<FeatureDriftResult> confidence,
    Optional<EmbeddingDriftResult> embedding,
    String embeddingNote,
    String summary) {

  public DriftResponse {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(versionChoice, "versionChoice");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(baseline, "baseline");
    features = List.copyOf(features);
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(predictionNote, "predictionNote");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(embeddingNote, "embeddingNote");
    Objects.requireNonNull(summary, "summary");
  }

  /** This answer with another summary. */
  public DriftResponse withSummary(String newSummary) {
    return new DriftResponse(
        model,
        version,
        versionChoice,
        requested,
        range,
        status,
        baseline,
        currentRecords,
        features,
        dataset,
        prediction,
        predictionNote,
        confidence,
        embedding,
        embeddingNote,
        newSummary);
  }

  /** The result of {@code feature}, if it was examined. */
  public Optional<FeatureDriftResult> feature(String feature) {
    return features.stream().filter(f -> f.feature().equals(feature)).findFirst();
  }
}
