package io.vigil.simulation.model;

import io.vigil.tools.ingest.FeatureValue;
import java.util.Map;

/** A model the simulation serves: features in, a class and its probability out. */
public interface TrainedModel {

  /**
   * The model's answer for {@code features}. A feature it does not know is ignored; a missing or
   * unexpected value counts as the training mean (numeric) or an unseen category (categorical).
   */
  Prediction predict(Map<String, FeatureValue> features);

  /** One line saying what the model is, for version metadata and timelines. */
  String describe();
}
