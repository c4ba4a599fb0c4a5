package io.vigil.server.cli;

import io.vigil.detectors.drift.DatasetDriftDetector;
import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.MultipleTestingCorrection;
import io.vigil.tools.csv.CsvFormatException;
import io.vigil.tools.csv.CsvSchema;
import io.vigil.tools.csv.CsvTable;
import io.vigil.tools.csv.CsvTableReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil drift}: compares two CSV files feature by feature and decides dataset drift. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Compare a current CSV file with a reference one, feature by feature.",
      "Numeric and categorical columns are told apart from the reference file; empty cells are"
          + " missing values. A feature drifts when its change is significant (after the"
          + " correction for many features) and its effect size reaches the method's threshold."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no dataset drift", "1:dataset drift", "2:bad input"})
final class DriftCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    table,
    json
  }

  /** Multiple-testing corrections, by their command-line names. */
  enum Correction {
    bh(MultipleTestingCorrection.BENJAMINI_HOCHBERG),
    bonferroni(MultipleTestingCorrection.BONFERRONI),
    none(MultipleTestingCorrection.NONE);

    final MultipleTestingCorrection correction;

    Correction(MultipleTestingCorrection correction) {
      this.correction = correction;
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "REF.csv",
      description = "Reference data (e.g. training or a healthy week), with a header row.")
  Path reference;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "CUR.csv",
      description = "Current data, with the reference's columns.")
  Path current;

  @Option(
      names = "--features",
      split = ",",
      paramLabel = "NAME",
      description = "Features to compare (default: every reference column).")
  List<String> features = new ArrayList<>();

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "auto",
      description = "auto, or one method for every feature: ${COMPLETION-CANDIDATES}.",
      completionCandidates = MethodIds.class)
  String method;

  @Option(
      names = "--feature-method",
      paramLabel = "NAME=METHOD",
      description = "Method for one feature, overriding --method (repeatable).")
  Map<String, String> featureMethods = new LinkedHashMap<>();

  @Option(
      names = "--effect-threshold",
      paramLabel = "METHOD=VALUE",
      description = "Effect size a method's change must reach to count as drift (repeatable).")
  Map<String, Double> effectThresholds = new LinkedHashMap<>();

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      description = "Significance level (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--correction",
      defaultValue = "bh",
      description =
          "Multiple-testing correction: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Correction correction;

  @Option(
      names = "--dataset-share",
      defaultValue = "0.5",
      description =
          "Share of drifted features that makes dataset drift (default: ${DEFAULT-VALUE}).")
  double datasetShare;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  LongSupplier nanoTime = System::nanoTime;

  @Override
  public Integer call() {
    DriftPolicy policy = policy();
    DriftMethod forAll = methodForAll();
    PrintWriter err = spec.commandLine().getErr();
    CsvTable referenceTable;
    CsvTable currentTable;
    try {
      CsvSchema schema =
          CsvTableReader.inferSchema(
              reference, features, new ProgressPrinter(err, "scanning", nanoTime));
      referenceTable =
          CsvTableReader.read(reference, schema, new ProgressPrinter(err, "reading", nanoTime));
      currentTable =
          CsvTableReader.read(current, schema, new ProgressPrinter(err, "reading", nanoTime));
    } catch (CsvFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new BadInputException(e.getFile() + ": no such file", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read input: " + e, e);
    }
    for (String feature : referenceTable.columns().keySet()) {
      if (forAll != null && !featureMethods.containsKey(feature)) {
        policy = policy.withMethod(feature, forAll);
      }
    }
    DatasetDriftReport report;
    try {
      report =
          DatasetDriftDetector.withDefaults()
              .with(policy)
              .detect(referenceTable.columns(), currentTable.columns());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(DriftJson.render(referenceTable, currentTable, report));
    } else {
      DriftTable.render(referenceTable, currentTable, report, out);
    }
    out.flush();
    return report.datasetDrift() ? 1 : 0;
  }

  private DriftPolicy policy() {
    try {
      DriftPolicy policy =
          DriftPolicy.defaults()
              .withAlpha(alpha)
              .with(correction.correction)
              .withDatasetDriftShare(datasetShare);
      for (Map.Entry<String, Double> threshold : effectThresholds.entrySet()) {
        policy =
            policy.withEffectThreshold(
                DriftMethod.fromId(threshold.getKey()), threshold.getValue());
      }
      for (Map.Entry<String, String> override : featureMethods.entrySet()) {
        policy = policy.withMethod(override.getKey(), DriftMethod.fromId(override.getValue()));
      }
      return policy;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The method forced on every feature, or null for the automatic choice. */
  private DriftMethod methodForAll() {
    if (method.trim().toLowerCase(Locale.ROOT).equals("auto")) {
      return null;
    }
    try {
      return DriftMethod.fromId(method);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The method ids, for help and completion. */
  static final class MethodIds extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MethodIds() {
      for (DriftMethod m : DriftMethod.values()) {
        add(m.id());
      }
    }
  }
}
