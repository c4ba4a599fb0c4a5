package io.vigil.tools.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's H2 settings that durability rests on. The crash itself is tested with a
 * killed server process ({@code ServerCrashTest} in the application); this pins the setting so that
 * a change to the URL fails here, in seconds.
 */
class EmbeddedStoreTest {

  @TempDir Path dataDir;

  @Test
  void embedded_writesEachCommitBeforeItReturns() throws SQLException {
    try (Database database = Database.open(StoreSettings.embedded(dataDir));
        Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT setting_value FROM information_schema.settings"
                    + " WHERE setting_name = 'WRITE_DELAY'")) {

      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("0");
    }
  }
}
