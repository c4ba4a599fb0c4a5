package io.vigil.tools.ingest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Told what each commit stored, in commit order, on the thread that follows the writer's commits
 * (beside the profile updates): keep it fast (update counters, enqueue work), and never throw. A
 * slow listener holds back the profiles and, once the hand-over is full, the writer.
 */
@FunctionalInterface
public interface CommitListener {

  void committed(Committed event);

  /**
   * @param inferences the records newly stored (duplicates excluded), predictions normalized
   * @param labels labels that joined a stored inference for the first time
   */
  record Committed(List<InferenceRecord> inferences, List<JoinedLabel> labels) {
    public Committed {
      inferences = List.copyOf(inferences);
      labels = List.copyOf(labels);
    }
  }

  /**
   * A label joined to its inference.
   *
   * @param correct whether the class matched (classifiers with a prediction), else empty
   * @param absoluteError |label − prediction| for regression models, else empty
   */
  record JoinedLabel(
      String model, String version, Optional<Boolean> correct, OptionalDouble absoluteError) {}
}
