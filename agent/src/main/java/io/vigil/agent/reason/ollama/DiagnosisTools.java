package io.vigil.agent.reason.ollama;

import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.segments.SegmentService;
import java.util.List;

/** The read-only tools Vigil offers the reasoner's model, over the services the caller built. */
public final class DiagnosisTools {

  private DiagnosisTools() {}

  /**
   * Accuracy, drift, version comparison, segments, latency and error patterns: the questions the
   * investigation asks, so that the model can ask them again with other windows, versions or
   * features.
   */
  public static List<DiagnosisTool> of(
      AccuracyService accuracy,
      DriftService drift,
      VersionComparisonService comparison,
      SegmentService segments,
      LatencyService latency,
      InferenceLogService logs) {
    return List.of(
        new AccuracyTool(accuracy),
        new DriftTool(drift),
        new VersionComparisonTool(comparison),
        new SegmentsTool(segments),
        new LatencyTool(latency),
        new ErrorPatternsTool(logs));
  }
}
