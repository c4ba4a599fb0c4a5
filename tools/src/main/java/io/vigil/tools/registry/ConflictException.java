package io.vigil.tools.registry;

/** A request that contradicts what is stored, such as registering a model name twice. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
