package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "drift");
  private static final Path REFERENCE = EXAMPLES.resolve("reference.csv");
  private static final Path CURRENT = EXAMPLES.resolve("current.csv");

  @TempDir Path dir;

  /** What one run of the command line printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = VigilCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void drift_exampleFiles_findsTheCampaignShiftAndExitsOne() {
    Run run = vigil("drift", "--reference", REFERENCE.toString(), "--current", CURRENT.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("dataset drift: YES (4 of 8 tested features drifted, 50.0%)")
        .contains(": tenure_months, age, is_returning, device");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void drift_jsonFormat_isTheDocumentedDocument() throws IOException {
    Run run =
        vigil(
            "drift",
            "--reference",
            REFERENCE.toString(),
            "--current",
            CURRENT.toString(),
            "--format",
            "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format").asText()).isEqualTo("vigil.drift/v1");
    assertThat(json.at("/reference/rows").asLong()).isEqualTo(5000);
    assertThat(json.at("/policy/correction").asText()).isEqualTo("bh");
    assertThat(json.at("/dataset/drifted").asBoolean()).isTrue();
    assertThat(json.get("features")).hasSize(8);
    List<String> methods = new ArrayList<>();
    for (JsonNode feature : json.get("features")) {
      assertThat(feature.fieldNames())
          .toIterable()
          .contains(
              "feature",
              "type",
              "tested",
              "drifted",
              "method",
              "statistic",
              "p_value",
              "adjusted_p_value",
              "effect_size",
              "effect_size_measure",
              "effect_threshold",
              "reference",
              "current");
      methods.add(feature.get("feature").asText() + "=" + feature.get("method").asText());
    }
    assertThat(methods)
        .contains("age=cvm", "device=chisquare", "is_returning=ztest", "region=chisquare");
    assertThat(json.at("/features/0/feature").asText()).isEqualTo("tenure_months");
  }

  @Test
  void drift_sameFile_exitsZero() {
    Run run =
        vigil("drift", "--reference", REFERENCE.toString(), "--current", REFERENCE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("dataset drift: no (0 of 8 tested features drifted, 0.0%)");
  }

  @Test
  void drift_featureSelectionAndMethodOverride_areApplied() throws IOException {
    Run run =
        vigil(
            "drift",
            "--reference",
            REFERENCE.toString(),
            "--current",
            CURRENT.toString(),
            "--features",
            "income,age",
            "--method",
            "ks",
            "--feature-method",
            "income=psi",
            "--format",
            "json");

    JsonNode features = new ObjectMapper().readTree(run.out()).get("features");
    assertThat(features).hasSize(2);
    assertThat(features.findValuesAsText("method")).containsExactlyInAnyOrder("ks", "psi");
  }

  @Test
  void drift_textInNumericColumn_exitsTwoNamingFileLineAndColumn() throws IOException {
    Path current = dir.resolve("current.csv");
    Files.writeString(current, "x,y\n1,a\n2,b\noops,c\n");
    Path reference = dir.resolve("reference.csv");
    Files.writeString(reference, "x,y\n1,a\n2,b\n");

    Run run = vigil("drift", "--reference", reference.toString(), "--current", current.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "vigil: "
                + current
                + ", line 4, column 'x': 'oops' is not a number, but the column is numeric"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void drift_missingFileOrColumn_exitsTwo() throws IOException {
    Path current = dir.resolve("current.csv");
    Files.writeString(current, "age\n1\n");

    Run missingFile =
        vigil(
            "drift",
            "--reference",
            dir.resolve("nope.csv").toString(),
            "--current",
            current.toString());
    Run missingColumn =
        vigil("drift", "--reference", REFERENCE.toString(), "--current", current.toString());

    assertThat(missingFile.exitCode()).isEqualTo(2);
    assertThat(missingFile.err()).contains("nope.csv: no such file");
    assertThat(missingColumn.exitCode()).isEqualTo(2);
    assertThat(missingColumn.err()).contains(current + ", line 1, column 'income': no such column");
  }

  @Test
  void drift_badOptions_exitTwoWithTheReason() {
    Run alpha =
        vigil(
            "drift",
            "--reference",
            REFERENCE.toString(),
            "--current",
            CURRENT.toString(),
            "--alpha",
            "1.5");
    Run method =
        vigil(
            "drift",
            "--reference",
            REFERENCE.toString(),
            "--current",
            CURRENT.toString(),
            "--method",
            "magic");
    Run missing = vigil("drift", "--reference", REFERENCE.toString());

    assertThat(alpha.exitCode()).isEqualTo(2);
    assertThat(alpha.err()).contains("alpha must be in (0, 1), was 1.5");
    assertThat(method.exitCode()).isEqualTo(2);
    assertThat(method.err()).contains("unknown drift method 'magic'; expected one of ks, ad, cvm");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--current=CUR.csv'");
  }

  @Test
  void help_listsTheCommands() {
    Run run = vigil("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Commands:").contains("drift").contains("Exit codes:");
  }
}
