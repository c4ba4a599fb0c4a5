package io.vigil.tools.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestRecordsTest {

  @TempDir Path dataDir;

  /**
   * With {@code ORDER BY ts DESC} alone, H2 2.3 filtered through the {@code (model_id, ts)} index
   * but sorted every row of the model: 10 s for a million records, and every relative window of the
   * API failed on such a store. The plan must read the index in order.
   */
  @Test
  void latestRecord_onTheEmbeddedStore_readsTheIndexInOrder() throws Exception {
    String plan;
    try (Database database = Database.open(StoreSettings.embedded(dataDir));
        Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("EXPLAIN " + LatestRecords.LATEST_RECORD.replace("?", "1"))) {
      rows.next();
      plan = rows.getString(1);
    }

    assertThat(plan).contains("inference_by_time", "index sorted");
  }
}
