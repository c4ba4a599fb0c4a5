package io.vigil.simulation.retrain;

import io.vigil.simulation.model.LogisticModel;
import java.util.Objects;

/**
 * A retrained model and the evaluation that decides whether it serves.
 *
 * @param model the candidate
 * @param evaluation how it compared with the serving version
 */
public record Candidate(LogisticModel model, RetrainEvaluation evaluation) {

  public Candidate {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(evaluation, "evaluation");
  }
}
