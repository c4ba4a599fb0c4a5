package io.vigil.tools.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What tells two states of one stored profile apart, read without the profile itself. Equal
 * versions of one (model, version, span, window, feature) are equal profiles; a profile that took
 * in a late record has a new version.
 *
 * <ul>
 *   <li>On PostgreSQL, the row's {@code xmin}: the transaction that wrote the row as it is, which
 *       every update replaces.
 *   <li>Elsewhere (H2), the head of the profile's bytes, which holds its kind, format, settings and
 *       its value and missing counts. A stored profile only ever grows (every record adds a value
 *       or a missing one, and nothing takes records out of a profile), so the same counts mean the
 *       same profile.
 * </ul>
 *
 * @param token the row version or the head in hex, marked with which it is
 */
public record ProfileVersion(String token) {

  /**
   * Bytes of a profile's head read for a version: the counts end at byte 34 in both kinds' layouts
   * (kind, format, four settings, count, missing), and the rest of the head costs nothing extra.
   */
  public static final int HEAD_BYTES = 64;

  public ProfileVersion {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a profile version needs a row version or a head");
    }
  }

  /** The version of a profile stored as {@code bytes} (whole, or only its head). */
  public static ProfileVersion ofHead(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("a profile version needs the head of the profile's bytes");
    }
    return new ProfileVersion(
        "head:"
            + HexFormat.of().formatHex(Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES))));
  }

  /** The version of a profile row by the store's own row version. */
  public static ProfileVersion ofRow(String rowVersion) {
    if (rowVersion == null || rowVersion.isBlank()) {
      throw new IllegalArgumentException("a profile version needs the row's version");
    }
    return new ProfileVersion("row:" + rowVersion);
  }
}
