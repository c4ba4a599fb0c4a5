package io.vigil.server.security;

import io.vigil.tools.access.ApiToken;
import java.util.Objects;

/**
 * A token just created: its secret, shown this once, and what was stored about it.
 *
 * @param secret the bearer token to hand to the client
 * @param token the stored token (its hash is all the store keeps of the secret)
 */
public record IssuedToken(String secret, ApiToken token) {

  public IssuedToken {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(token, "token");
  }

  /** Never prints the secret, so that logging an issued token cannot leak it. */
  @Override
  public String toString() {
    return "IssuedToken[secret=(hidden), token=" + token + "]";
  }
}
