package io.vigil.server.api.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.tools.registry.ModelTask;

/** A model's task as the API spells it. */
enum WireTask {
  @JsonProperty("classification")
  CLASSIFICATION(ModelTask.CLASSIFICATION),
  @JsonProperty("regression")
  REGRESSION(ModelTask.REGRESSION);

  private final ModelTask task;

  WireTask(ModelTask task) {
    this.task = task;
  }

  ModelTask task() {
    return task;
  }

  static WireTask of(ModelTask task) {
    return switch (task) {
      case CLASSIFICATION -> CLASSIFICATION;
      case REGRESSION -> REGRESSION;
    };
  }
}
