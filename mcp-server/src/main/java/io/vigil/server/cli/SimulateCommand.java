package io.vigil.server.cli;

import io.vigil.server.web.SimulationRuns;
import io.vigil.simulation.fault.Faults;
import io.vigil.simulation.run.ApproverPolicy;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.RunSettings;
import io.vigil.simulation.run.ScenarioRunner;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.Scenarios;
import io.vigil.simulation.score.RunReport;
import io.vigil.simulation.score.Scorecard;
import io.vigil.simulation.score.SuiteReport;
import io.vigil.simulation.score.SuiteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil simulate}: runs drift-injection scenarios through the real Vigil path (ingestion,
 * profiles, detectors, monitor, agent, approval, executors, verification), each on a fresh embedded
 * store, or with {@code --target} on a running server's store, and scores them against the
 * diagnosis and remediation the scenario expects.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a drift-injection scenario (or the shipped suite) through Vigil in-process and score"
          + " it: time to detect, early-warning lead, diagnosis and culprit, remediation, time to"
          + " recover, false incidents.",
      "Proposals are approved by an automatic approver policy, recorded as such on each"
          + " incident, unless --approvals none.",
      "With --target URL the runs happen on that Vigil server, one at a time, each on a model"
          + " of its own in the server's store (its agent leaves simulated models alone); this"
          + " needs --token with the admin role."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the runs finished (and, with --suite, every target was met)",
      "1:with --suite, a target was missed (the report says which)",
      "2:bad input (an unknown scenario, a malformed scenario file, bad options)"
    })
final class SimulateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    text,
    json
  }

  /** Approver policies, by their command-line names. */
  enum Approvals {
    auto(ApproverPolicy.AUTO_APPROVE),
    none(ApproverPolicy.NONE);

    final ApproverPolicy policy;

    Approvals(ApproverPolicy policy) {
      this.policy = policy;
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  /** What to run: scenarios by name or file, the whole suite, or nothing but a listing. */
  static final class Selection {
    @Option(
        names = "--scenario",
        paramLabel = "NAME|FILE",
        description =
            "A shipped scenario's name or a scenario file (.yaml, .yml, .json);"
                + " repeat for several.")
    List<String> scenarios;

    @Option(names = "--suite", description = "Every shipped scenario.")
    boolean suite;

    @Option(names = "--list", description = "List the shipped scenarios and exit.")
    boolean list;
  }

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "The first seed (default: ${DEFAULT-VALUE}); a run's seed fixes every draw.")
  long seed;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description = "Seeds per scenario, S to S+N-1 (default: 10 with --suite, else 1).")
  Integer seeds;

  @Option(
      names = "--approvals",
      paramLabel = "POLICY",
      defaultValue = "auto",
      description = "auto (an automatic approver, recorded as such) or none (proposals wait).")
  Approvals approvals;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Runs at once (default: the number of processors).")
  Integer jobs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (timeline and scorecard, or a table) or json.")
  Format format;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Also keep each run's report in DIR/simulations/, where the dashboard of"
              + " `vigil serve --data-dir DIR` lists the newest under Simulations.")
  Path keep;

  @Option(
      names = "--target",
      paramLabel = "URL",
      description =
          "Run on the Vigil server at URL (e.g. http://127.0.0.1:8080) instead of in-process:"
              + " its store and settings, one run at a time; the reports are kept there too.")
  String target;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:VIGIL_TOKEN}",
      description = "With --target: an API token with the admin role (default: VIGIL_TOKEN).")
  String token;

  /** How often a run on a server is asked how it is doing. */
  private static final Duration POLL = Duration.ofSeconds(1);

  @Override
  public Integer call() throws InterruptedException {
    if (selection.list) {
      return list();
    }
    List<Scenario> chosen = chosen();
    int perScenario = seeds != null ? seeds : selection.suite ? 10 : 1;
    if (perScenario < 1) {
      throw new BadInputException("--seeds must be at least 1, was " + perScenario);
    }
    int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (parallel < 1) {
      throw new BadInputException("--jobs must be at least 1, was " + parallel);
    }
    if (target != null) {
      return remote(chosen, perScenario);
    }
    ScenarioRunner runner =
        new ScenarioRunner(
            Faults.standard(), RunSettings.defaults().withApprovals(approvals.policy));
    List<RunResult> results = runAll(runner, chosen, perScenario, parallel);
    if (results.size() == 1) {
      RunReport report = RunReport.of(results.get(0));
      out().print(format == Format.json ? report.json() + "\n" : report.text());
      out().flush();
      return 0;
    }
    return suite(results.stream().map(Scorecard::of).toList());
  }

  /** The runs on the server {@code --target} names, one after another. */
  private int remote(List<Scenario> scenarios, int perScenario) throws InterruptedException {
    if (token == null || token.isBlank()) {
      throw new BadInputException(
          "--target needs an API token with the admin role: pass --token or set VIGIL_TOKEN"
              + " (`vigil token create --role admin` makes one)");
    }
    ServerClient client =
        new ServerClient(ServerOptions.baseUri(spec, "--target", target), token.strip());
    RemoteSimulations server = new RemoteSimulations(client, err(), POLL);
    SimulationRuns kept = keep == null ? null : new SimulationRuns(keep);
    List<RemoteSimulations.RemoteRun> runs = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      for (int i = 0; i < perScenario; i++) {
        RemoteSimulations.RemoteRun run = server.run(scenario, seed + i, approvals.name());
        if (kept != null) {
          kept.save(scenario.name(), seed + i, Instant.now(), run.json());
        }
        runs.add(run);
      }
    }
    if (runs.size() == 1) {
      out().print(format == Format.json ? runs.get(0).json() + "\n" : runs.get(0).text());
      out().flush();
      return 0;
    }
    return suite(runs.stream().map(RemoteSimulations.RemoteRun::scorecard).toList());
  }

  /** The table of several runs; exit code 1 when a suite missed a target. */
  private int suite(List<Scorecard> scorecards) {
    SuiteResult suite = SuiteResult.of(scorecards);
    SuiteReport report = new SuiteReport(suite);
    out().print(format == Format.json ? report.json() + "\n" : report.text());
    out().flush();
    return selection.suite && !suite.allTargetsMet() ? 1 : 0;
  }

  private int list() {
    for (Scenario scenario : Scenarios.shipped()) {
      out().printf(Locale.ROOT, "%-36s %s%n", scenario.name(), scenario.description());
    }
    out().flush();
    return 0;
  }

  private List<Scenario> chosen() {
    if (selection.suite) {
      return Scenarios.shipped();
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String name : selection.scenarios) {
      try {
        chosen.add(Scenarios.resolve(name));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
    return chosen;
  }

  private List<RunResult> runAll(
      ScenarioRunner runner, List<Scenario> scenarios, int perScenario, int parallel)
      throws InterruptedException {
    int total = scenarios.size() * perScenario;
    SimulationRuns kept = keep == null ? null : new SimulationRuns(keep);
    SimulationProgress progress = new SimulationProgress(err(), total, System::nanoTime);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, total));
    AtomicInteger finished = new AtomicInteger();
    try {
      List<Future<RunResult>> runs = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        for (int i = 0; i < perScenario; i++) {
          long runSeed = seed + i;
          runs.add(
              pool.submit(
                  () -> {
                    RunResult result =
                        runner.run(scenario, runSeed, progress.listener(scenario, runSeed));
                    if (kept != null) {
                      kept.save(
                          result.scenario(),
                          result.seed(),
                          Instant.now(),
                          RunReport.of(result).json());
                    }
                    progress.finished(result, finished.incrementAndGet());
                    return result;
                  }));
        }
      }
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> run : runs) {
        results.add(await(run));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunResult await(Future<RunResult> run) throws InterruptedException {
    try {
      return run.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw new BadInputException(bad.getMessage(), bad);
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("a simulation run failed", e.getCause());
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
