package io.vigil.tools.logs;

import io.vigil.detectors.drift.MultipleTestingCorrection;
import java.util.List;
import java.util.Objects;

/**
 * Which feature and segment values are over-represented among a window's failing records, compared
 * with the records that went right, most significant first.
 *
 * @param basis which records count as failing and which as the reference
 * @param errorSampleSize failing records compared (the newest, up to the sample limit, among the
 *     window's newest {@code scanLimit} records)
 * @param referenceSampleSize reference records compared (likewise)
 * @param sampleLimit the most records taken from each side
 * @param errorRate failing records' share of the records compared, in the whole window (exact when
 *     neither sample reached its limit, else from the window counters)
 * @param valuesTested feature and segment values tested
 * @param correction how the p-values were corrected for testing that many values
 * @param alpha the significance level
 * @param scanLimit both samples come from the window's newest records up to this many
 * @param patterns the over-represented values, most significant first, at most {@value
 *     #MAX_PATTERNS}
 * @param summary one or two sentences naming the top pattern
 */
public record ErrorPatterns(
    Basis basis,
    int errorSampleSize,
    int referenceSampleSize,
    int sampleLimit,
    double errorRate,
    int valuesTested,
    MultipleTestingCorrection correction,
    double alpha,
    int scanLimit,
    List<ErrorPattern> patterns,
    String summary) {

  /** The most patterns reported. */
  public static final int MAX_PATTERNS = 10;

  /** What is compared with what. */
  public enum Basis {
    /**
     * Labelled wrong predictions and failed requests against labelled right predictions
     * (classification models with labels in the window).
     */
    INCORRECT_OR_FAILED_VS_CORRECT,
    /** Failed requests against served ones (no labels in the window, or a regression model). */
    FAILED_VS_SERVED,
    /** Too few failing or reference records to compare: no patterns. */
    NOT_ENOUGH_DATA
  }

  public ErrorPatterns {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(correction, "correction");
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(summary, "summary");
  }
}
