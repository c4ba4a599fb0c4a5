package io.vigil.agent.reason.ollama;

import io.vigil.tools.incident.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * An LLM's diagnosis failed the schema or the checks; the message says what was wrong. It carries
 * the evidence the model's own tool calls gathered before the refused reply: the model read it, so
 * instruction-like text in it is part of the attempt the incident records.
 */
public final class ReplyRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Rejection rejection;

  /** Not serialized: evidence is for the incident of this process, not for a remote reader. */
  private final transient List<Evidence> gathered;

  public ReplyRejectedException(Rejection rejection, String message) {
    this(rejection, message, List.of());
  }

  private ReplyRejectedException(Rejection rejection, String message, List<Evidence> gathered) {
    super(message);
    this.rejection = Objects.requireNonNull(rejection, "rejection");
    this.gathered = List.copyOf(gathered);
  }

  public Rejection rejection() {
    return rejection;
  }

  /** The evidence the model's tool calls gathered before the refused reply, in order. */
  public List<Evidence> gathered() {
    // null only after deserialization, which drops the evidence
    return gathered == null ? List.of() : gathered;
  }

  /** This refusal, with {@code evidence} as what the model gathered before it. */
  ReplyRejectedException after(List<Evidence> evidence) {
    ReplyRejectedException refusal = new ReplyRejectedException(rejection, getMessage(), evidence);
    refusal.setStackTrace(getStackTrace());
    return refusal;
  }
}
