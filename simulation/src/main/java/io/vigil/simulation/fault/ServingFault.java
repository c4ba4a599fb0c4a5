package io.vigil.simulation.fault;

import io.vigil.simulation.serving.ServingTransform;
import java.util.Objects;

/**
 * A fault that acts on serving only (answers or latency); the world's rows are untouched.
 *
 * @param spec what it was made from
 * @param serving what it does to serving
 */
record ServingFault(FaultSpec spec, ServingTransform serving) implements Fault {

  ServingFault {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(serving, "serving");
  }
}
