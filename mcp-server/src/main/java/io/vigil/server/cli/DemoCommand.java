package io.vigil.server.cli;

import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.IssuedToken;
import io.vigil.server.serve.VigilServer;
import io.vigil.server.web.SimulationRuns;
import io.vigil.simulation.fault.Faults;
import io.vigil.simulation.run.ApproverPolicy;
import io.vigil.simulation.run.RunEvent;
import io.vigil.simulation.run.RunListener;
import io.vigil.simulation.run.RunProgress;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.RunSettings;
import io.vigil.simulation.run.ScenarioRunner;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.Scenarios;
import io.vigil.simulation.score.RunReport;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: starts the server on a fresh embedded store, runs a vivid scenario into it
 * through the real path (the monitor opens incidents, the agent diagnoses them, an automatic
 * approver policy approves, the executors act, verification closes), prints where to look, and
 * keeps serving so the REST API, the dashboard and the MCP tools have live incidents to show. The
 * run's report is kept in the data directory for the dashboard's simulation view.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start Vigil on a fresh embedded store, inject a scenario's faults into a simulated day of"
          + " traffic, let the agent find and fix them, then keep serving the result until"
          + " Ctrl-C (--exit stops after the run).",
      "The server's own agent schedule is off: the simulation's agent, on the simulated clock,"
          + " does the work, and its approvals are recorded as an automatic approver policy's."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the demo ran (and, without --exit, the server was stopped)",
      "2:bad input, or the server could not start (e.g. the port is taken)"
    })
final class DemoCommand implements Callable<Integer> {

  /** A gradual drift on one feature, then a bad deployment on top of it. */
  static final String DEFAULT_SCENARIO = "bad-version-during-drift";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      defaultValue = DEFAULT_SCENARIO,
      description = "The scenario to run (default: ${DEFAULT-VALUE}; `vigil simulate --list`).")
  String scenario;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "The run's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "vigil-demo",
      description =
          "The demo's embedded store (default: ./${DEFAULT-VALUE}); a previous demo's is replaced,"
              + " any other non-empty directory is refused.")
  Path dataDir;

  @Option(names = "--exit", description = "Stop the server once the run is over.")
  boolean exit;

  /** The running server, once the run is over and it keeps serving; for tests to stop it. */
  volatile ConfigurableApplicationContext serving;

  /** Counted down when the run is over and the server keeps serving; for tests. */
  final CountDownLatch ready = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    Scenario chosen = scenarioToRun();
    DemoDirectory.prepare(dataDir);
    ConfigurableApplicationContext server = start();
    CountDownLatch closed = new CountDownLatch(1);
    server.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    try {
      String url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      IssuedToken token =
          server.getBean(ApiTokens.class).create(Role.ADMIN, Optional.of("demo-admin"));
      RunResult result = run(chosen, server.getBean(Database.class));
      server.getBean(ModelRegistry.class).refresh();
      RunReport report = RunReport.of(result);
      server
          .getBean(SimulationRuns.class)
          .save(result.scenario(), result.seed(), Instant.now(), report.json());
      out().print(report.text());
      DemoGuide.print(out(), url, token.secret(), result, dataDir);
      out().flush();
      if (exit) {
        server.close();
        return 0;
      }
      out().println("Serving until Ctrl-C.");
      out().flush();
      serving = server;
      ready.countDown();
      closed.await();
      return 0;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private Scenario scenarioToRun() {
    try {
      return Scenarios.resolve(scenario);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private ConfigurableApplicationContext start() {
    List<String> arguments =
        List.of(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--vigil.data-dir=" + dataDir.toAbsolutePath(),
            "--vigil.agent.enabled=false");
    err().println("demo: starting the server on port " + port + " with the store in " + dataDir);
    err().flush();
    try {
      return VigilServer.start(arguments);
    } catch (RuntimeException e) {
      throw new BadInputException("the server did not start: " + ServeCommand.reason(e), e);
    }
  }

  /**
   * Runs the scenario so that its last window ends about now: the store's figures, the incident
   * timeline and the server's relative windows ("the last 24 hours") then line up.
   */
  private RunResult run(Scenario chosen, Database database) {
    Duration span = chosen.traffic().warmup().plus(chosen.traffic().duration());
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(span);
    ScenarioRunner runner =
        new ScenarioRunner(
            Faults.standard(),
            RunSettings.defaults().withApprovals(ApproverPolicy.AUTO_APPROVE).withStart(start));
    SimulationProgress progress = new SimulationProgress(err(), 1, System::nanoTime);
    RunListener steps = progress.listener(chosen, seed);
    return runner.run(
        chosen,
        seed,
        database,
        new RunListener() {
          @Override
          public void progress(RunProgress now) {
            steps.progress(now);
          }

          @Override
          public void event(RunEvent event) {
            err().printf(Locale.ROOT, "demo: %s  %s%n", event.at(), event.text());
            err().flush();
          }
        });
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
