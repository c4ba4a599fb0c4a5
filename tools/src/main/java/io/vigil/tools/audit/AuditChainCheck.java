package io.vigil.tools.audit;

import java.util.Optional;

/** Walks the chain entry by entry, in seq order, remembering the first break. */
final class AuditChainCheck {

  private long checked;
  private long lastSeq;
  private String lastHash = AuditHash.GENESIS;
  private AuditBreak breakage;

  boolean intact() {
    return breakage == null;
  }

  void accept(AuditEntry entry) {
    if (breakage != null) {
      return;
    }
    checked++;
    long expected = lastSeq + 1;
    if (entry.seq() != expected) {
      breakage =
          new AuditBreak(
              expected,
              AuditBreak.Kind.SEQUENCE_GAP,
              "entry " + expected + " is missing; the next entry is " + entry.seq());
    } else if (!AuditHash.of(entry).equals(entry.hash())) {
      breakage =
          new AuditBreak(
              entry.seq(),
              AuditBreak.Kind.HASH_MISMATCH,
              "the stored hash is not the hash of the entry's fields: the entry was altered");
    } else if (!entry.prevHash().equals(lastHash)) {
      breakage =
          new AuditBreak(
              entry.seq(),
              AuditBreak.Kind.CHAIN_BROKEN,
              "the entry's previous hash is not the hash of entry " + lastSeq);
    }
    lastSeq = entry.seq();
    lastHash = entry.hash();
  }

  AuditVerification finish(long headSeq, String headHash) {
    if (breakage == null && (lastSeq != headSeq || !lastHash.equals(headHash))) {
      breakage =
          new AuditBreak(
              lastSeq == headSeq ? headSeq : lastSeq + 1,
              AuditBreak.Kind.HEAD_MISMATCH,
              "the chain ends at entry "
                  + lastSeq
                  + " but the head records entry "
                  + headSeq
                  + (lastSeq == headSeq ? " with another hash" : ""));
    }
    return new AuditVerification(checked, Optional.ofNullable(breakage));
  }
}
