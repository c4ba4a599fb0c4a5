package io.vigil.tools.registry;

import java.util.List;

/**
 * A model or version that is not registered. The message names the known ones, so that a person or
 * an LLM can correct the request.
 */
public class UnknownModelException extends RuntimeException {

  private final List<String> known;

  public UnknownModelException(String message, List<String> known) {
    super(
        message
            + (known.isEmpty() ? " (none registered)" : "; known: " + String.join(", ", known)));
    this.known = List.copyOf(known);
  }

  public static UnknownModelException model(String name, List<String> knownModels) {
    return new UnknownModelException("unknown model '" + name + "'", knownModels);
  }

  public static UnknownModelException version(
      String model, String version, List<String> knownVersions) {
    return new UnknownModelException(
        "model '" + model + "' has no version '" + version + "'", knownVersions);
  }

  /** The names a corrected request could use. */
  public List<String> known() {
    return known;
  }
}
