package io.vigil.prompts;

/** A prompt was asked for with a missing, unknown or malformed argument; the message says which. */
public final class PromptArgumentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public PromptArgumentException(String message) {
    super(message);
  }
}
