package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void create_issuesAPrefixedSecretAndStoresOnlyItsHash() {
    try (Database database = TestStores.h2()) {
      ApiTokenStore store = new ApiTokenStore(database, () -> NOW);
      ApiTokens tokens = new ApiTokens(store, new SecureRandom());

      IssuedToken issued = tokens.create(Role.READ, Optional.empty());

      assertThat(issued.secret()).matches("vgl_[A-Za-z0-9_-]{43}");
      assertThat(issued.token().name())
          .isEqualTo("read-" + TokenSecrets.hash(issued.secret()).substring(0, 8));
      assertThat(store.findValid(TokenSecrets.hash(issued.secret()))).contains(issued.token());
      assertThat(issued.toString()).doesNotContain(issued.secret());
    }
  }

  @Test
  void authenticate_acceptsOnlyAValidTokensExactSecret() {
    try (Database database = TestStores.h2()) {
      ApiTokens tokens = new ApiTokens(new ApiTokenStore(database, () -> NOW));
      String secret = tokens.create(Role.APPROVE, Optional.of("ops")).secret();

      Optional<Caller> caller = tokens.authenticate(secret);

      assertThat(caller).contains(new Caller("ops", Role.APPROVE));
      assertThat(tokens.authenticate(secret + "x")).isEmpty();
      assertThat(tokens.authenticate(secret.substring(4))).isEmpty();
      assertThat(tokens.authenticate(null)).isEmpty();
    }
  }

  @Test
  void hash_isTheSha256OfTheSecretInLowerCaseHex() {
    assertThat(TokenSecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
