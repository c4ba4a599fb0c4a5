package io.vigil.tools.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.registry.ConflictException;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTokenStoreContractTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "0123456789abcdef".repeat(4);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void createdTokens_areFoundByHashAndListedWithTheirRoles(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ApiTokenStore tokens = new ApiTokenStore(database, InstantSource.fixed(NOW));
      ApiToken ci = tokens.create("ci-pipeline", Role.INGEST, HASH_A);
      ApiToken claude = tokens.create("claude", Role.READ, HASH_B);

      Optional<ApiToken> found = tokens.findValid(HASH_B);

      assertThat(found).contains(claude);
      assertThat(claude.createdAt()).isEqualTo(NOW);
      assertThat(claude.revokedAt()).isEmpty();
      assertThat(tokens.list()).containsExactly(ci, claude);
      assertThat(tokens.find(String.valueOf(ci.id()))).contains(ci);
      assertThat(tokens.find("claude")).contains(claude);
      assertThat(tokens.findValid("b".repeat(64))).isEmpty();
      assertThat(tokens.findValid("not a hash")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void revokedTokens_stopAuthenticatingButStayListed(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ApiTokenStore tokens = new ApiTokenStore(database, InstantSource.fixed(NOW));
      ApiToken created = tokens.create("claude", Role.APPROVE, HASH_A);
      ApiTokenStore later = new ApiTokenStore(database, InstantSource.fixed(NOW.plusSeconds(60)));

      Optional<ApiToken> revoked = later.revoke("claude");
      Optional<ApiToken> again = tokens.revoke(String.valueOf(created.id()));

      assertThat(revoked).isPresent();
      assertThat(revoked.get().revokedAt()).contains(NOW.plusSeconds(60));
      assertThat(again).isEqualTo(revoked);
      assertThat(tokens.findValid(HASH_A)).isEmpty();
      assertThat(tokens.list()).containsExactly(revoked.get());
      assertThat(tokens.revoke("nobody")).isEmpty();
      assertThat(tokens.revoke("999")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void badNamesHashesAndTakenNames_areRefusedAndNothingIsStored(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ApiTokenStore tokens = new ApiTokenStore(database, InstantSource.fixed(NOW));
      tokens.create("claude", Role.READ, HASH_A);
      tokens.revoke("claude");

      assertThatThrownBy(() -> tokens.create("claude", Role.READ, HASH_B))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("'claude' exists already");
      assertThatThrownBy(() -> tokens.create("42", Role.READ, HASH_B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("start with a letter");
      assertThatThrownBy(() -> tokens.create("x", Role.READ, "ABC"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("64 lower-case hex digits");
      assertThat(tokens.list()).extracting(ApiToken::name).containsExactly("claude");
    }
  }
}
