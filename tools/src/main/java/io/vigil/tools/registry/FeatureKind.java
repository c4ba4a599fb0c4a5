package io.vigil.tools.registry;

/**
 * The kind of a model's feature, fixed when the feature is declared or first seen. Booleans are
 * profiled and tested as two categories.
 */
public enum FeatureKind {
  NUMERIC,
  CATEGORICAL,
  BOOLEAN
}
