package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil mcp}'s options; serving over stdio is tested on the process (VigilMcpProcessTest).
 */
class McpCommandTest {

  @TempDir Path dataDir;

  @Test
  void aMissingDataDirectory_isAMessageAndExitCodeTwo() {
    Run run = vigil("mcp", "--data-dir", dataDir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such data directory");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anArgumentThatIsNoSetting_isRefusedWithTheFormSettingsTake() {
    Run run = vigil("mcp", "--data-dir", dataDir.toString(), "verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option or argument 'verbose'").contains("--name=value");
  }

  @Test
  void springArguments_carryTheStoreAndTheSettings() {
    McpCommand command = new McpCommand();
    command.store.dataDir = dataDir;
    command.properties.add("--vigil.ingest.window=1m");

    assertThat(command.springArguments())
        .containsExactly(
            "--logging.config=classpath:logback-cli.xml",
            "--vigil.data-dir=" + dataDir,
            "--vigil.ingest.window=1m");
  }
}
