package io.vigil.tools.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The audit chain's hash: SHA-256 (hex) over a canonical form in which every part is
 * length-prefixed ({@code <length>:<text>\n}), so that no two different entries share a form. The
 * instant is written in UTC with exactly six fraction digits, the precision both stores keep.
 */
final class AuditHash {

  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  static String of(
      String prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail) {
    StringBuilder canonical = new StringBuilder();
    for (String part :
        new String[] {
          prevHash, Long.toString(seq), MICROS.format(at), actor, action, subject, detail
        }) {
      canonical.append(part.length()).append(':').append(part).append('\n');
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  static String of(AuditEntry entry) {
    return of(
        entry.prevHash(),
        entry.seq(),
        entry.at(),
        entry.actor(),
        entry.action(),
        entry.subject(),
        entry.detail());
  }
}
