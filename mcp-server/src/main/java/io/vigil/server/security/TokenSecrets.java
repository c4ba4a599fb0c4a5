package io.vigil.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code vgl_} and 256 random bits in URL-safe base64 (43 characters). The prefix
 * lets secret scanners and people recognize a Vigil token. Only the SHA-256 of a secret is stored;
 * with 256 random bits a fast hash is enough (there is nothing to guess), unlike passwords.
 */
final class TokenSecrets {

  static final String PREFIX = "vgl_";
  private static final int RANDOM_BYTES = 32;

  private final SecureRandom random;

  TokenSecrets(SecureRandom random) {
    this.random = random;
  }

  String next() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of the secret's UTF-8 bytes, in lower-case hex, as the store keeps it. */
  static String hash(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
