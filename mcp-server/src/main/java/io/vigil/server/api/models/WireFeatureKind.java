package io.vigil.server.api.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.tools.registry.FeatureKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** A feature's kind as the API spells it. */
enum WireFeatureKind {
  @JsonProperty("numeric")
  NUMERIC(FeatureKind.NUMERIC),
  @JsonProperty("categorical")
  CATEGORICAL(FeatureKind.CATEGORICAL),
  @JsonProperty("boolean")
  BOOLEAN(FeatureKind.BOOLEAN);

  private final FeatureKind kind;

  WireFeatureKind(FeatureKind kind) {
    this.kind = kind;
  }

  static WireFeatureKind of(FeatureKind kind) {
    return switch (kind) {
      case NUMERIC -> NUMERIC;
      case CATEGORICAL -> CATEGORICAL;
      case BOOLEAN -> BOOLEAN;
    };
  }

  static Map<String, FeatureKind> toKinds(Map<String, WireFeatureKind> features) {
    Map<String, FeatureKind> kinds = new LinkedHashMap<>();
    features.forEach((name, kind) -> kinds.put(name, kind.kind));
    return kinds;
  }

  static Map<String, WireFeatureKind> ofKinds(Map<String, FeatureKind> features) {
    Map<String, WireFeatureKind> kinds = new LinkedHashMap<>();
    features.forEach((name, kind) -> kinds.put(name, of(kind)));
    return kinds;
  }
}
