package io.vigil.server.security;

import io.vigil.tools.access.ApiToken;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ConflictException;
import io.vigil.tools.store.StoreUnavailableException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: created with a role, checked on every request, revoked at once. The same tokens serve
 * the MCP endpoint and (later) the REST API. Every check reads the store, so a revoked token stops
 * working on the next request, even when another process revoked it.
 */
public final class ApiTokens {

  private final ApiTokenStore store;
  private final TokenSecrets secrets;

  public ApiTokens(ApiTokenStore store) {
    this(store, new SecureRandom());
  }

  ApiTokens(ApiTokenStore store, SecureRandom random) {
    this.store = store;
    this.secrets = new TokenSecrets(random);
  }

  /**
   * Creates a token.
   *
   * @param name its name, or empty for {@code <role>-<8 hex digits of its hash>}
   * @throws IllegalArgumentException if the name is malformed
   * @throws ConflictException if a token has that name already
   * @throws StoreUnavailableException if the store cannot be written
   */
  public IssuedToken create(Role role, Optional<String> name) {
    String secret = secrets.next();
    String hash = TokenSecrets.hash(secret);
    String chosen = name.orElse(role.label() + "-" + hash.substring(0, 8));
    return new IssuedToken(secret, store.create(chosen, role, hash));
  }

  /**
   * The caller a bearer token stands for, if it is a valid (known, unrevoked) token.
   *
   * @throws StoreUnavailableException if the store cannot be read
   */
  public Optional<Caller> authenticate(String secret) {
    if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
      return Optional.empty();
    }
    return store
        .findValid(TokenSecrets.hash(secret))
        .map(token -> new Caller(token.name(), token.role()));
  }

  public List<ApiToken> list() {
    return store.list();
  }

  /**
   * Revokes the token with that name (or id, when all digits).
   *
   * @return the token as it is now; empty if there is no such token
   */
  public Optional<ApiToken> revoke(String nameOrId) {
    return store.revoke(nameOrId);
  }
}
