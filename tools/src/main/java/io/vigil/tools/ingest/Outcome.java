package io.vigil.tools.ingest;

import java.util.Objects;

/** A prediction or a label: a class for classification models, a number for regression models. */
public sealed interface Outcome {

  /** A class label, compared by exact string equality. */
  record Category(String value) implements Outcome {
    public Category {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A regression value; always finite. */
  record Number(double value) implements Outcome {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a numeric outcome must be finite, was " + value);
      }
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }
}
