package io.vigil.tools.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the CSV table reader behind baselines from training data: whatever the
 * file's bytes, reading it gives a table whose columns all hold one value per row, or a {@link
 * CsvFormatException}; never another exception. See {@code InferenceJsonFuzzTest} for how the
 * targets run.
 */
class CsvTableFuzzTest {

  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    file = Files.createTempFile("vigil-fuzz-", ".csv");
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @FuzzTest(maxDuration = "10s")
  void table(byte[] input) throws IOException {
    Files.write(file, input);
    try {
      CsvSchema schema = CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE);
      CsvTable table = CsvTableReader.read(file, schema, ReadProgress.NONE);

      assertThat(table.columns().keySet()).containsExactlyInAnyOrderElementsOf(schema.names());
      table
          .columns()
          .values()
          .forEach(
              column -> assertThat(column.present() + column.missing()).isEqualTo(table.rows()));
    } catch (CsvFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
