package io.vigil.agent.execute;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on Vigil's outgoing webhooks: {@value #SIGNATURE_HEADER}{@code : sha256=<hex>}, the
 * HMAC-SHA256 with the shared secret over {@code "<timestamp>.<body>"}, where the timestamp is the
 * {@value #TIMESTAMP_HEADER} header (Unix seconds). A receiver recomputes it, compares in constant
 * time, and rejects old timestamps to stop replays.
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-Vigil-Signature";
  public static final String TIMESTAMP_HEADER = "X-Vigil-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform provides HmacSHA256", e);
    }
  }

  /** Whether {@code signature} is the one {@code secret} gives, compared in constant time. */
  public static boolean verify(String secret, long epochSeconds, String body, String signature) {
    byte[] expected = sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII);
    return signature != null
        && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
