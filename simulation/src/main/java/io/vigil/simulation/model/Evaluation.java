package io.vigil.simulation.model;

import java.util.List;

/**
 * How a model did on labelled examples.
 *
 * @param examples how many it was scored on, >= 1
 * @param correct how many it got right
 */
public record Evaluation(int examples, int correct) {

  public Evaluation {
    if (examples < 1 || correct < 0 || correct > examples) {
      throw new IllegalArgumentException(
          "an evaluation needs examples >= 1 and 0 <= correct <= examples, was "
              + correct
              + " of "
              + examples);
    }
  }

  /**
   * {@code model} scored on {@code examples}.
   *
   * @throws IllegalArgumentException if there are no examples
   */
  public static Evaluation of(TrainedModel model, List<Example> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("cannot evaluate a model on no examples");
    }
    int correct = 0;
    for (Example example : examples) {
      if (model.predict(example.features()).predictedClass().equals(example.label())) {
        correct++;
      }
    }
    return new Evaluation(examples.size(), correct);
  }

  /** The share right, in [0, 1]. */
  public double accuracy() {
    return correct / (double) examples;
  }
}
