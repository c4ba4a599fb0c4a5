package io.vigil.server.api.incidents;

/**
 * A person's review of a model's automated actions, which lets the agent act on it again once it
 * reached its limit of actions between reviews.
 *
 * @param model the model reviewed
 */
record ReviewRequest(String model) {

  ReviewRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is required: the model whose actions you reviewed");
    }
  }
}
