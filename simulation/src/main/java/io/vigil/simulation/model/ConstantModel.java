package io.vigil.simulation.model;

import io.vigil.tools.ingest.FeatureValue;
import java.util.Map;

/**
 * A wrong artefact: whatever it is sent, it answers {@code answer} with full confidence (a model
 * exported before training, or a stub left in a release).
 *
 * @param answer the class it always predicts
 * @param other the other class, given probability 0
 */
public record ConstantModel(String answer, String other) implements TrainedModel {

  public ConstantModel {
    if (answer == null || answer.isBlank() || other == null || other.isBlank()) {
      throw new IllegalArgumentException("a constant model names both classes");
    }
  }

  @Override
  public Prediction predict(Map<String, FeatureValue> features) {
    return Prediction.binary(answer, other, 1.0);
  }

  @Override
  public String describe() {
    return "constant model always answering " + answer;
  }
}
