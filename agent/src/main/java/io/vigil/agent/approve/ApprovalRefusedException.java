package io.vigil.agent.approve;

import java.util.Objects;

/** A decision on a proposal that was refused and changed nothing but the audit trail. */
public final class ApprovalRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;

  public ApprovalRefusedException(RefusalReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RefusalReason reason() {
    return reason;
  }
}
