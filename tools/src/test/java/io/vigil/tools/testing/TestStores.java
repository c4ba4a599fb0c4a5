package io.vigil.tools.testing;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The stores a contract test runs against: the embedded H2 file store and a real PostgreSQL server
 * ({@link ThrowawayPostgres}). Each call opens a fresh, empty, migrated database.
 *
 * <pre>
 * &#64;ParameterizedTest(name = "{0}")
 * &#64;MethodSource("io.vigil.tools.testing.TestStores#both")
 * void storesRecords(String store, Supplier&lt;Database&gt; open) { try (Database db = open.get()) {...} }
 * </pre>
 */
public final class TestStores {

  private TestStores() {}

  /** Arguments {@code (name, Supplier<Database>)} for H2 and PostgreSQL. */
  public static Stream<Arguments> both() {
    return Stream.of(
        Arguments.of("h2", (Supplier<Database>) TestStores::h2),
        Arguments.of("postgresql", (Supplier<Database>) TestStores::postgres));
  }

  /** A fresh embedded store in a new temporary directory. */
  public static Database h2() {
    try {
      Path directory = Files.createTempDirectory("vigil-h2-");
      directory.toFile().deleteOnExit();
      return Database.open(StoreSettings.embedded(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh database on the JVM's throwaway PostgreSQL server. */
  public static Database postgres() {
    ThrowawayPostgres server = ThrowawayPostgres.shared();
    return Database.open(StoreSettings.at(server.newDatabase(), ThrowawayPostgres.USER, ""));
  }
}
