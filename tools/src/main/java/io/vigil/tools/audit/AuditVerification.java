package io.vigil.tools.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking the audit chain.
 *
 * @param entriesChecked how many entries were read up to and including the first break
 * @param breakage the first break, or empty when the whole chain is intact
 */
public record AuditVerification(long entriesChecked, Optional<AuditBreak> breakage) {

  public AuditVerification {
    if (entriesChecked < 0) {
      throw new IllegalArgumentException("entries checked cannot be negative: " + entriesChecked);
    }
    Objects.requireNonNull(breakage, "breakage");
  }

  /** Whether every entry checked out and the chain reaches the head. */
  public boolean intact() {
    return breakage.isEmpty();
  }

  /** One line for a person: {@code intact (1204 entries)} or where and how it broke. */
  public String summary() {
    return breakage
        .map(
            b ->
                "BROKEN at seq "
                    + b.seq()
                    + ": "
                    + b.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " ("
                    + b.detail()
                    + "); "
                    + entriesChecked
                    + " entries checked")
        .orElse("intact (" + entriesChecked + " entries)");
  }
}
