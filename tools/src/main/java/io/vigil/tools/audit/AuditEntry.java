package io.vigil.tools.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log.
 *
 * @param seq its position, 1, 2, ... without gaps
 * @param at when, at microsecond precision
 * @param actor who: {@code vigil-agent}, a token name, {@code local:<user>}
 * @param action what, as a short verb, e.g. {@code incident.opened}, {@code proposal.approved}
 * @param subject what it was done to, e.g. {@code inc-4}, {@code prop-7}, a token name
 * @param detail the particulars, usually a JSON object
 * @param prevHash the previous entry's hash (64 zeros for the first)
 * @param hash SHA-256 (hex) over {@code prevHash} and the other fields
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String subject,
    String detail,
    String prevHash,
    String hash) {

  public AuditEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("audit sequence numbers start at 1: " + seq);
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }
}
