package io.vigil.simulation.model;

/** Ways to make a deliberately broken version of a good model (the bad-deployment fault). */
public enum Breakage {
  /** The sign of the largest coefficient flipped: confident, plausible-looking and wrong. */
  FLIP_TOP_COEFFICIENT {
    @Override
    public TrainedModel apply(LogisticModel model) {
      return model.withFlippedSign(model.mostImportantTerm());
    }
  },
  /** A wrong artefact that always answers the negative class. */
  CONSTANT_CLASS {
    @Override
    public TrainedModel apply(LogisticModel model) {
      return new ConstantModel(model.negativeClass(), model.positiveClass());
    }
  };

  /** The broken version of {@code model}. */
  public abstract TrainedModel apply(LogisticModel model);
}
