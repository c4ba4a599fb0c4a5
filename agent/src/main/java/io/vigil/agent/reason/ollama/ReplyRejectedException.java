package io.vigil.agent.reason.ollama;

import java.util.Objects;

/** An LLM's diagnosis failed the schema or the checks; the message says what was wrong. */
public final class ReplyRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Rejection rejection;

  public ReplyRejectedException(Rejection rejection, String message) {
    super(message);
    this.rejection = Objects.requireNonNull(rejection, "rejection");
  }

  public Rejection rejection() {
    return rejection;
  }
}
