package io.vigil.tools.ingest;

import io.vigil.tools.registry.FeatureKind;
import java.util.Objects;

/** One feature's value in an inference record. */
public sealed interface FeatureValue {

  /** The value's kind, or null for {@link Missing}, which any feature may take. */
  FeatureKind kind();

  record Numeric(double value) implements FeatureValue {
    public Numeric {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a numeric feature must be finite, was " + value);
      }
    }

    @Override
    public FeatureKind kind() {
      return FeatureKind.NUMERIC;
    }
  }

  record Text(String value) implements FeatureValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public FeatureKind kind() {
      return FeatureKind.CATEGORICAL;
    }
  }

  record Bool(boolean value) implements FeatureValue {
    @Override
    public FeatureKind kind() {
      return FeatureKind.BOOLEAN;
    }
  }

  /** A null: the feature was absent for this request. */
  enum Missing implements FeatureValue {
    INSTANCE;

    @Override
    public FeatureKind kind() {
      return null;
    }
  }
}
