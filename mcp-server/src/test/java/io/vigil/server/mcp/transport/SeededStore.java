package io.vigil.server.mcp.transport;

import io.vigil.server.security.ApiTokens;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * An embedded store in a new temporary directory, filled through the real writer with the same
 * seeded traffic every time (two models; credit's {@code amount} drifts at noon of the second day,
 * against a baseline of its morning), and one API token per role plus a revoked one. Two stores
 * seeded alike answer alike, which is what the contract suite compares.
 *
 * @param dataDir the data directory ({@code vigil.data-dir}, {@code --data-dir})
 * @param tokens a valid token's secret for each role
 * @param revokedToken the secret of a revoked {@code admin} token
 */
record SeededStore(Path dataDir, Map<Role, String> tokens, String revokedToken) {

  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

  /**
   * Seeded once and never opened again: stores for tests are copies of it, byte for byte, so that
   * two stores give identical answers (profiles keep a random sample of each window, so two
   * seedings agree in counts but not in every sampled statistic).
   */
  private static final SeededStore TEMPLATE = seed("template");

  /** A copy of the seeded store in a new temporary directory. */
  static SeededStore create(String name) {
    try {
      Path copy = Files.createTempDirectory("vigil-mcp-" + name + "-");
      try (Stream<Path> files = Files.list(TEMPLATE.dataDir)) {
        for (Path file : files.toList()) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
      return new SeededStore(copy, TEMPLATE.tokens, TEMPLATE.revokedToken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SeededStore seed(String name) {
    try {
      Path dataDir = Files.createTempDirectory("vigil-mcp-" + name + "-");
      try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
        try (TrafficFixture fixture = TrafficFixture.open(database)) {
          fixture.classifier("credit", OptionalDouble.of(0.85), "v1", "v2");
          fixture.write(Traffic.of("credit", "v1", START, 720));
          fixture.write(
              Traffic.of("credit", "v1", START.plusSeconds(12 * 3600), 720)
                  .withSeed(2)
                  .withNumeric("amount", 160, 20));
          fixture.classifier("fraud", OptionalDouble.empty(), "v7");
          fixture.write(Traffic.of("fraud", "v7", START, 240).withSeed(3));
          new BaselineService(
                  database, fixture.registry(), fixture.clock(), IngestSettings.defaults())
              .fromWindow("credit", "v1", new TimeRange(START, START.plusSeconds(12 * 3600)));
        }
        ApiTokens apiTokens = new ApiTokens(new ApiTokenStore(database, () -> START));
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
          tokens.put(role, apiTokens.create(role, Optional.of(role.label())).secret());
        }
        String revoked = apiTokens.create(Role.ADMIN, Optional.of("revoked")).secret();
        apiTokens.revoke("revoked");
        return new SeededStore(dataDir, Map.copyOf(tokens), revoked);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String token(Role role) {
    return tokens.get(role);
  }
}
