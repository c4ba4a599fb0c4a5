package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.Verification;
import io.vigil.tools.incident.VerificationOutcome;
import io.vigil.tools.registry.ModelRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code vigil incidents}, {@code vigil approve} and {@code vigil reject} run in-process against a
 * real server on a random port, over a store seeded with incidents awaiting approval.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vigil.agent.enabled=false"})
class IncidentCommandsTest {

  private static final AtomicInteger TOKENS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired IncidentStore incidents;
  @Autowired ModelRegistry registry;

  private IncidentSeeds seeds;
  private String reader;
  private String approver;

  @BeforeEach
  void tokensAndSeeds() {
    seeds = new IncidentSeeds(incidents, registry);
    int n = TOKENS.incrementAndGet();
    reader = tokens.create(Role.READ, Optional.of("reader" + n)).secret();
    approver = tokens.create(Role.APPROVE, Optional.of("alice" + n)).secret();
  }

  @Test
  void incidents_listsThemInATable_filteredByModelAndState() {
    Proposal first = seeds.awaitingApproval();
    Proposal second = seeds.awaitingApproval();
    String model = incidents.require(second.incidentId()).model();

    Run all = cli("incidents", "--token", reader);
    Run ofModel = cli("incidents", "--model", model, "--token", reader);
    Run resolved = cli("incidents", "--state", "resolved", "--model", model, "--token", reader);

    assertThat(all.exitCode()).as(all.err()).isEqualTo(0);
    assertThat(all.out().lines().findFirst().orElseThrow())
        .matches("ID +MODEL +STATE +SIGNAL +OPENED +TITLE");
    assertThat(all.out())
        .contains(first.incidentId(), second.incidentId(), "AWAITING_APPROVAL", "ACCURACY_SLO")
        .contains("accuracy 0.61 below the 0.85 target");
    assertThat(ofModel.out()).contains(second.incidentId()).doesNotContain(first.incidentId());
    assertThat(resolved.exitCode()).isEqualTo(0);
    assertThat(resolved.out()).startsWith("No incidents for " + model + " in state resolved");
  }

  @Test
  void show_printsTheDiagnosisTheProposalWithItsHashAndTheTimeline() {
    Proposal proposal = seeds.awaitingApproval();

    Run run = cli("incidents", "show", proposal.incidentId(), "--token", reader);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .contains(proposal.incidentId() + "  ")
        .contains("AWAITING_APPROVAL")
        .contains("Diagnosis (decided by DETERMINISTIC)")
        .contains("1. BAD_MODEL_VERSION 'v2'  confidence 0.82  evidence E1, E2")
        .contains("2. COVARIATE_DRIFT 'amount'  confidence 0.10  evidence E2")
        .contains("ruled out DATA_QUALITY: no missing values (evidence E2)")
        .contains("E1   ACCURACY 'v2': accuracy fell to 0.61")
        .contains("figures: accuracy=0.61, labelled=720")
        .contains("query:   get_model_accuracy(model=" + proposal.action().model() + ")")
        .contains("Proposal " + proposal.id() + " (PENDING_APPROVAL")
        .contains("action:    ROLLBACK " + proposal.action().model() + " version=v1")
        .contains("hash:      " + proposal.actionHash())
        .contains("expires " + proposal.expiresAt().truncatedTo(ChronoUnit.SECONDS))
        .contains("Timeline:")
        .containsPattern("OPENED +vigil-agent")
        .contains("EVIDENCE_GATHERED", "DIAGNOSED", "PROPOSED");
  }

  @Test
  void show_json_printsTheServersDocument_withTheServerOptionsBeforeShow() throws IOException {
    Proposal proposal = seeds.awaitingApproval();

    Run run =
        vigil(
            "incidents",
            "--server",
            "http://127.0.0.1:" + port,
            "--token",
            reader,
            "show",
            proposal.incidentId(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/incident/id").asText()).isEqualTo(proposal.incidentId());
    assertThat(report.at("/proposal/action_hash").asText()).isEqualTo(proposal.actionHash());
    assertThat(report.at("/diagnosis/hypotheses/0/evidence_ids/1").asText()).isEqualTo("E2");
  }

  @Test
  void approve_byAnApprover_showsTheProposal_executesTheRollback_andTheIncidentMovesOn() {
    Proposal proposal = seeds.awaitingApproval();

    Run run =
        cli("approve", proposal.incidentId(), "--comment", "v2 is broken", "--token", approver);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .contains("hash:      " + proposal.actionHash())
        .contains("rationale: v2 lost 24 points of accuracy; v1 held 0.93")
        .containsPattern("APPROVED " + proposal.id() + " as alice\\d+ at ")
        .contains(proposal.incidentId() + " is now VERIFYING")
        .contains(proposal.id() + " SUCCEEDED by router");
    assertThat(incidents.require(proposal.incidentId()).state()).isEqualTo(IncidentState.VERIFYING);
    assertThat(incidents.approvals(proposal.id()).get(0).comment()).isEqualTo("v2 is broken");
    assertThat(incidents.approvals(proposal.id()).get(0).decidedBy()).startsWith("alice");
    assertThat(registry.snapshot().activeVersion(proposal.action().model()).orElseThrow())
        .isEqualTo("v1");
  }

  @Test
  void show_afterApproval_listsTheDecisionTheExecutionAndTheVerification() {
    Proposal proposal = seeds.awaitingApproval();
    cli("approve", proposal.incidentId(), "--comment", "go", "--token", approver);
    incidents.recordVerification(
        new Verification(
            proposal.incidentId(),
            IncidentSeeds.START.plus(Duration.ofHours(8)),
            VerificationOutcome.RECOVERED,
            0.93,
            0.85,
            360,
            false,
            "accuracy 0.93 on 360 labelled predictions since the rollback"),
        Optional.of(IncidentState.RESOLVED));

    Run run = cli("incidents", "show", proposal.incidentId(), "--token", reader);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .contains("RESOLVED")
        .containsPattern("Proposal " + proposal.id() + " \\((APPROVED|EXECUTED), ")
        .doesNotContain("decide:")
        .containsPattern("Decisions:\\R  APPROVED " + proposal.id() + " by alice\\d+ at .*: go")
        .containsPattern("Executions:\\R  " + proposal.id() + " SUCCEEDED by router at ")
        .contains(
            "2026-11-01T08:00:00Z RECOVERED: observed 0.93 vs target 0.85 on 360 samples:"
                + " accuracy 0.93 on 360 labelled predictions since the rollback")
        .containsPattern("APPROVED +alice\\d+")
        .containsPattern("EXECUTED +")
        .containsPattern("RESOLVED +");
  }

  @Test
  void approve_whoseActionFails_printsTheExecutorsReportAndExitsOne() {
    Proposal proposal = seeds.awaitingApproval(IncidentSeeds.uniqueName("unregistered"));

    Run run = cli("approve", proposal.incidentId(), "--token", approver);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(proposal.incidentId() + " is now ESCALATED")
        .contains(proposal.id() + " FAILED by router")
        .contains("is not registered")
        .contains("the approved action did not succeed; the incident is escalated to people");
  }

  @Test
  void approve_withAReadToken_isRefusedNamingTheRole() {
    Proposal proposal = seeds.awaitingApproval();

    Run run = cli("approve", proposal.incidentId(), "--token", reader);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "vigil: The token's role does not allow this (HTTP 403, reason not_an_approver)")
        .contains("has the read role; deciding on a proposal needs approve or admin");
    assertThat(incidents.require(proposal.incidentId()).state())
        .isEqualTo(IncidentState.AWAITING_APPROVAL);
  }

  @Test
  void reject_escalatesTheIncident() {
    Proposal proposal = seeds.awaitingApproval();

    Run run = cli("reject", proposal.incidentId(), "--comment", "not now", "--token", approver);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .containsPattern("REJECTED " + proposal.id() + " as alice\\d+")
        .contains(proposal.incidentId() + " is now ESCALATED");
    assertThat(incidents.require(proposal.incidentId()).state()).isEqualTo(IncidentState.ESCALATED);
    assertThat(incidents.executions(proposal.incidentId())).isEmpty();
  }

  @Test
  void approve_withAHashOtherThanTheProposals_isRefusedWithTheServersReason() {
    Proposal proposal = seeds.awaitingApproval();
    String wrong = "0".repeat(64);

    Run run =
        cli(
            "approve",
            proposal.incidentId(),
            "--proposal",
            proposal.id(),
            "--hash",
            wrong,
            "--token",
            approver);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("The decision was refused; nothing was approved or rejected")
        .contains("reason action_changed")
        .contains("the action hash " + wrong + " is not the hash of the action " + proposal.id());
    assertThat(incidents.require(proposal.incidentId()).state())
        .isEqualTo(IncidentState.AWAITING_APPROVAL);
    assertThat(incidents.executions(proposal.incidentId())).isEmpty();
  }

  @Test
  void approve_withAProposalOfNoSuchId_saysWhichItDecidesOn_andTheServerRefuses() {
    Proposal proposal = seeds.awaitingApproval();

    Run run =
        cli("approve", proposal.incidentId(), "--proposal", "prop-99999", "--token", approver);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("deciding on prop-99999 as --proposal says");
    assertThat(run.err())
        .contains("HTTP 404")
        .contains("incident " + proposal.incidentId() + " has no proposal 'prop-99999'");
    assertThat(incidents.require(proposal.incidentId()).state())
        .isEqualTo(IncidentState.AWAITING_APPROVAL);
  }

  @Test
  void approve_withTheExplicitProposalAndHash_isAccepted() {
    Proposal proposal = seeds.awaitingApproval();

    Run run =
        cli(
            "approve",
            proposal.incidentId(),
            "--proposal",
            proposal.id(),
            "--hash",
            proposal.actionHash(),
            "--token",
            approver);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains(proposal.incidentId() + " is now VERIFYING");
  }

  @Test
  void approve_anIncidentWithoutAProposal_saysSoAndSendsNothing() {
    Incident incident = seeds.open(seeds.newModel());

    Run run = cli("approve", incident.id(), "--token", approver);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(incident.id() + " has no proposal to approve; it is OPEN");
  }

  @Test
  void unknownIncident_isTheServersProblemAndExitTwo() {
    Run show = cli("incidents", "show", "inc-99999", "--token", reader);
    Run approve = cli("approve", "inc-99999", "--token", approver);

    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.err())
        .startsWith("vigil: No such incident or proposal (HTTP 404)")
        .contains("inc-99999");
    assertThat(approve.exitCode()).isEqualTo(2);
    assertThat(approve.err()).contains("HTTP 404");
  }

  @Test
  void badInput_isAMessageAndExitTwo() {
    Run badState = cli("incidents", "--state", "sleeping", "--token", reader);
    Run badLimit = cli("incidents", "--limit", "0", "--token", reader);
    Run noToken = cli("incidents", "--token", "");
    Run badToken = cli("incidents", "--token", "vgl_nope");
    Run badUrl = vigil("incidents", "--server", "localhost:8080", "--token", reader);

    assertThat(badState.exitCode()).isEqualTo(2);
    assertThat(badState.err()).contains("HTTP 400").contains("state must be one of");
    assertThat(badLimit.exitCode()).isEqualTo(2);
    assertThat(badLimit.err()).contains("--limit: between 1 and 1000");
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.err()).contains("no API token: pass --token or set VIGIL_TOKEN");
    assertThat(badToken.exitCode()).isEqualTo(2);
    assertThat(badToken.err()).contains("HTTP 401").contains("the token is unknown or revoked");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("--server: expected an http(s) URL");
  }

  @Test
  void unreachableServer_isAMessageNamingTheUrl() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed;

    Run run = vigil("incidents", "--server", url, "--token", reader);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("vigil: cannot reach the Vigil server at " + url)
        .contains("is `vigil serve` running there?");
  }

  private Run cli(String... args) {
    String[] withServer = new String[args.length + 2];
    System.arraycopy(args, 0, withServer, 0, args.length);
    withServer[args.length] = "--server";
    withServer[args.length + 1] = "http://127.0.0.1:" + port;
    return vigil(withServer);
  }
}
