package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import picocli.CommandLine;

class ServeCommandTest {

  private static ServeCommand parse(String... args) {
    CommandLine commandLine = VigilCommand.commandLine();
    String[] full = new String[args.length + 1];
    full[0] = "serve";
    System.arraycopy(args, 0, full, 1, args.length);
    CommandLine.ParseResult result = commandLine.parseArgs(full);
    return (ServeCommand) result.subcommand().commandSpec().userObject();
  }

  @Test
  void springArguments_optionsAndPassthroughProperties() {
    ServeCommand serve =
        parse(
            "--port",
            "0",
            "--data-dir",
            "/srv/vigil",
            "--store-url",
            "jdbc:postgresql://db/vigil",
            "--vigil.ingest.window=1m");

    assertThat(serve.springArguments())
        .containsExactly(
            "--server.port=0",
            "--vigil.data-dir=/srv/vigil",
            "--vigil.store.url=jdbc:postgresql://db/vigil",
            "--vigil.ingest.window=1m");
  }

  @Test
  void springArguments_none_leavesTheDefaults() {
    assertThat(parse().springArguments()).isEmpty();
  }

  @Test
  void serve_strayArgument_exitsTwoWithoutStartingSpring() {
    Run run = DriftCommandTest.vigil("serve", "--port", "0", "now");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option or argument 'now'");
  }

  @Test
  void reason_prefersVigilsMessageOverSpringsWrappers() {
    RuntimeException failure =
        new BeanCreationException(
            "database",
            "Error creating bean",
            new StoreUnavailableException(
                "cannot connect to jdbc:postgresql://db/vigil",
                new SQLException("Connection refused")));

    assertThat(ServeCommand.reason(failure))
        .isEqualTo("cannot connect to jdbc:postgresql://db/vigil (Connection refused)");
  }
}
