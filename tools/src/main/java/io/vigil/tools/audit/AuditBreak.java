package io.vigil.tools.audit;

import java.util.Objects;

/**
 * Where the audit chain is broken, and how.
 *
 * @param seq the first sequence number that does not check out
 * @param kind how it fails
 * @param detail what was found, in a sentence
 */
public record AuditBreak(long seq, Kind kind, String detail) {

  /** The ways a chain can be broken. */
  public enum Kind {
    /** An entry's stored hash is not the hash of its fields: the entry was altered. */
    HASH_MISMATCH,
    /** An entry's previous hash is not the hash of the entry before it: entries were replaced. */
    CHAIN_BROKEN,
    /** A sequence number is missing: an entry was deleted. */
    SEQUENCE_GAP,
    /** The chain ends before (or after) the head that appenders maintain: the tail was cut. */
    HEAD_MISMATCH
  }

  public AuditBreak {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
