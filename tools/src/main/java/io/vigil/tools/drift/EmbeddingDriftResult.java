package io.vigil.tools.drift;

import io.vigil.tools.query.TimeRange;
import java.util.Objects;

/**
 * Drift of the records' embeddings: the maximum mean discrepancy between a sample of
 * baseline-window rows and a sample of current rows, with a permutation p-value, and the cosine
 * distance of their mean embeddings.
 *
 * @param mmd2 the MMD² statistic
 * @param pValue its p-value
 * @param bandwidth the Gaussian kernel's bandwidth
 * @param cosineDistance {@code 1 − cos} of the two mean embeddings, in [0, 2]
 * @param drifted significant and above an effect threshold
 * @param referenceRows baseline rows sampled (the earliest of its window)
 * @param currentRows current rows sampled (the latest of the window)
 * @param dimension the embeddings' dimension
 * @param referenceWindow where the baseline rows came from
 */
public record EmbeddingDriftResult(
    double mmd2,
    double pValue,
    double bandwidth,
    double cosineDistance,
    boolean drifted,
    int referenceRows,
    int currentRows,
    int dimension,
    TimeRange referenceWindow) {

  public EmbeddingDriftResult {
    Objects.requireNonNull(referenceWindow, "referenceWindow");
  }
}
