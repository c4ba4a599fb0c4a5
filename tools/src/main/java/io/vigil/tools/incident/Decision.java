package io.vigil.tools.incident;

/** A person's decision on a proposal. */
public enum Decision {
  APPROVED,
  REJECTED
}
