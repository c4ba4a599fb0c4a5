package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentFixtures.MODEL;
import static io.vigil.tools.incident.IncidentFixtures.NOW;
import static io.vigil.tools.incident.IncidentFixtures.WINDOW;
import static io.vigil.tools.incident.IncidentFixtures.accuracyTrigger;
import static io.vigil.tools.incident.IncidentFixtures.diagnosed;
import static io.vigil.tools.incident.IncidentFixtures.diagnosis;
import static io.vigil.tools.incident.IncidentFixtures.evidence;
import static io.vigil.tools.incident.IncidentFixtures.onDemandTrigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.tools.audit.AuditEntry;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.incident.IncidentFixtures.TestClock;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The incident store's record of incidents, evidence, diagnoses and timelines, on both stores. */
class IncidentStoreContractTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void open_storesAnOpenIncidentWithItsTimelineAndAudit(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());

      Incident incident = incidents.open(MODEL, onDemandTrigger(), "diagnose churn", "claude");

      assertThat(incident.id()).matches("inc-[0-9]+");
      assertThat(incident.state()).isEqualTo(IncidentState.OPEN);
      assertThat(incident.openedAt()).isEqualTo(NOW);
      assertThat(incident.trigger()).isEqualTo(onDemandTrigger());
      assertThat(incidents.find(incident.id())).contains(incident);
      assertThat(incidents.require(incident.id())).isEqualTo(incident);
      assertThat(incidents.timeline(incident.id()))
          .extracting(TimelineEvent::type, TimelineEvent::actor, TimelineEvent::detail)
          .containsExactly(tuple(TimelineEventType.OPENED, "claude", "diagnose churn"));
      assertThat(audit(database))
          .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::actor)
          .containsExactly(tuple("incident.opened", incident.id(), "claude"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void unknownIds_areEmptyOnFindAndNamedOnRequire(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());

      Optional<Incident> found = incidents.find("inc-999");

      assertThat(found).isEmpty();
      assertThat(incidents.find("rm -rf")).isEmpty();
      assertThatThrownBy(() -> incidents.require("inc-999"))
          .isInstanceOf(UnknownIncidentException.class)
          .hasMessageContaining("inc-999");
      assertThatThrownBy(() -> incidents.timeline("inc-999"))
          .isInstanceOf(UnknownIncidentException.class);
      assertThatThrownBy(() -> incidents.recordEvidence("inc-999", WINDOW, evidence()))
          .isInstanceOf(UnknownIncidentException.class);
      assertThatThrownBy(() -> incidents.approvals("prop-5"))
          .isInstanceOf(UnknownIncidentException.class)
          .hasMessageContaining("prop-5");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordEvidence_movesOpenToInvestigatingAndRoundTripsEveryItem(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      clock.advance(Duration.ofMinutes(1));

      Incident investigating = incidents.recordEvidence(incident.id(), WINDOW, evidence());

      assertThat(investigating.state()).isEqualTo(IncidentState.INVESTIGATING);
      assertThat(investigating.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
      assertThat(incidents.require(incident.id())).isEqualTo(investigating);
      assertThat(incidents.evidence(incident.id())).containsExactlyElementsOf(evidence());
      assertThat(incidents.investigatedWindow(incident.id())).contains(WINDOW);
      assertThat(incidents.timeline(incident.id()))
          .extracting(TimelineEvent::type)
          .containsExactly(TimelineEventType.OPENED, TimelineEventType.EVIDENCE_GATHERED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordEvidence_notOpen_throwsStaleAndChangesNothing(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      Incident investigating = incidents.recordEvidence(incident.id(), WINDOW, evidence());
      int auditBefore = audit(database).size();

      assertThatThrownBy(
              () -> incidents.recordEvidence(incident.id(), WINDOW, evidence().subList(0, 1)))
          .isInstanceOfSatisfying(
              StaleIncidentException.class,
              e -> {
                assertThat(e.expectedState()).isEqualTo(IncidentState.OPEN);
                assertThat(e.actualState()).isEqualTo(IncidentState.INVESTIGATING);
                assertThat(e).hasMessageContaining("OPEN").hasMessageContaining("INVESTIGATING");
              });

      assertThat(incidents.require(incident.id())).isEqualTo(investigating);
      assertThat(incidents.evidence(incident.id())).hasSize(3);
      assertThat(incidents.timeline(incident.id())).hasSize(2);
      assertThat(audit(database)).hasSize(auditBefore);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordEvidence_repeatedId_isRefusedAndNothingIsStored(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      List<Evidence> twice = List.of(evidence().get(0), evidence().get(0));

      assertThatThrownBy(() -> incidents.recordEvidence(incident.id(), WINDOW, twice))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("E1");

      assertThat(incidents.require(incident.id()).state()).isEqualTo(IncidentState.OPEN);
      assertThat(incidents.evidence(incident.id())).isEmpty();
      assertThat(incidents.investigatedWindow(incident.id())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDiagnosis_movesToDiagnosedAndRoundTripsExactly(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());

      Incident incident = diagnosed(incidents);

      assertThat(incident.state()).isEqualTo(IncidentState.DIAGNOSED);
      assertThat(incidents.diagnosis(incident.id())).contains(diagnosis());
      assertThat(audit(database))
          .extracting(AuditEntry::action)
          .containsExactly("incident.opened", "incident.investigated", "incident.diagnosed");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDiagnosis_citingUnknownEvidence_isRefusedAndNothingIsStored(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      incidents.recordEvidence(incident.id(), WINDOW, evidence().subList(1, 3));

      assertThatThrownBy(() -> incidents.recordDiagnosis(incident.id(), diagnosis()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("E1");

      assertThat(incidents.require(incident.id()).state()).isEqualTo(IncidentState.INVESTIGATING);
      assertThat(incidents.diagnosis(incident.id())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDiagnosis_withGatheredEvidence_appendsItAfterTheInvestigations(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      incidents.recordEvidence(incident.id(), WINDOW, evidence().subList(1, 3));

      incidents.recordDiagnosis(incident.id(), diagnosis(), evidence().subList(0, 1));

      assertThat(incidents.evidence(incident.id()))
          .containsExactly(evidence().get(1), evidence().get(2), evidence().get(0));
      assertThat(incidents.diagnosis(incident.id())).contains(diagnosis());
      assertThatThrownBy(
              () -> incidents.recordDiagnosis(incident.id(), diagnosis(), evidence().subList(0, 1)))
          .isInstanceOf(StaleIncidentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDiagnosis_gatheredEvidenceRepeatingAnId_isRefusedAndNothingIsStored(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = incidents.open(MODEL, accuracyTrigger(), "accuracy", "monitor");
      incidents.recordEvidence(incident.id(), WINDOW, evidence());

      assertThatThrownBy(
              () -> incidents.recordDiagnosis(incident.id(), diagnosis(), evidence().subList(0, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("E1");

      assertThat(incidents.require(incident.id()).state()).isEqualTo(IncidentState.INVESTIGATING);
      assertThat(incidents.evidence(incident.id())).containsExactlyElementsOf(evidence());
      assertThat(incidents.diagnosis(incident.id())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void lists_unfinishedOpenForAndLastClosedAt_followTheStates(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Incident first = diagnosed(incidents);
      Incident other = incidents.open("fraud", accuracyTrigger(), "fraud accuracy", "monitor");
      clock.advance(Duration.ofMinutes(5));
      Incident resolved =
          incidents.transition(
              first.id(),
              IncidentState.DIAGNOSED,
              IncidentState.RESOLVED,
              TimelineEventType.RESOLVED,
              IncidentStore.AGENT,
              "no action needed");
      Incident second = incidents.open(MODEL, accuracyTrigger(), "again", "monitor");

      List<Incident> all = incidents.list(Optional.empty(), Optional.empty(), 10);

      assertThat(all).containsExactly(second, other, resolved);
      assertThat(incidents.list(Optional.of(MODEL), Optional.empty(), 10))
          .containsExactly(second, resolved);
      assertThat(incidents.list(Optional.empty(), Optional.of(IncidentState.OPEN), 1))
          .containsExactly(second);
      assertThat(incidents.unfinished()).containsExactly(other, second);
      assertThat(incidents.openFor(MODEL)).contains(second);
      assertThat(incidents.openFor("nobody")).isEmpty();
      assertThat(incidents.lastClosedAt(MODEL)).contains(NOW.plus(Duration.ofMinutes(5)));
      assertThat(incidents.lastClosedAt("fraud")).isEmpty();
      assertThatThrownBy(() -> incidents.list(Optional.empty(), Optional.empty(), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("limit");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void transition_fromAnotherState_throwsStaleAndChangesNothing(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = diagnosed(incidents);
      int auditBefore = audit(database).size();

      assertThatThrownBy(
              () ->
                  incidents.transition(
                      incident.id(),
                      IncidentState.VERIFYING,
                      IncidentState.RESOLVED,
                      TimelineEventType.RESOLVED,
                      "bob",
                      "done"))
          .isInstanceOf(StaleIncidentException.class)
          .hasMessageContaining(incident.id());

      assertThat(incidents.require(incident.id())).isEqualTo(incident);
      assertThat(incidents.timeline(incident.id())).hasSize(3);
      assertThat(audit(database)).hasSize(auditBefore);
      assertThatThrownBy(
              () ->
                  incidents.transition(
                      incident.id(),
                      IncidentState.DIAGNOSED,
                      IncidentState.DIAGNOSED,
                      TimelineEventType.DIAGNOSED,
                      "bob",
                      "again"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void eventsDeliveriesAndReviews_areRecordedWithoutMovingTheState(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Incident incident = diagnosed(incidents);
      NotificationDelivery delivered =
          new NotificationDelivery(
              incident.id(),
              "oncall",
              "pagerduty",
              NotificationEvent.OPENED,
              2,
              DeliveryStatus.DELIVERED,
              OptionalInt.of(202),
              NOW,
              "accepted");
      NotificationDelivery failed =
          new NotificationDelivery(
              incident.id(),
              "team-slack",
              "slack",
              NotificationEvent.OPENED,
              3,
              DeliveryStatus.FAILED,
              OptionalInt.empty(),
              NOW,
              "connection refused");

      incidents.appendEvent(
          incident.id(), TimelineEventType.LLM_REPLY_REFUSED, "reasoner:ollama", "malformed");
      incidents.recordDelivery(delivered);
      incidents.recordDelivery(failed);
      incidents.recordRefusal(incident.id(), "mallory", "token lacks the approver role");
      clock.advance(Duration.ofHours(1));
      incidents.recordReview(MODEL, "alice");

      assertThat(incidents.require(incident.id())).isEqualTo(incident);
      assertThat(incidents.deliveries(incident.id())).containsExactly(delivered, failed);
      assertThat(incidents.timeline(incident.id()))
          .extracting(TimelineEvent::type)
          .endsWith(
              TimelineEventType.LLM_REPLY_REFUSED,
              TimelineEventType.NOTIFIED,
              TimelineEventType.NOTIFIED,
              TimelineEventType.APPROVAL_REFUSED);
      assertThat(incidents.lastReview(MODEL)).contains(NOW.plus(Duration.ofHours(1)));
      assertThat(incidents.lastReview("fraud")).isEmpty();
      assertThat(audit(database))
          .extracting(AuditEntry::action)
          .endsWith(
              "incident.llm_reply_refused",
              "notification.delivered",
              "notification.failed",
              "approval.refused",
              "model.reviewed");
    }
  }

  static List<AuditEntry> audit(Database database) {
    return new AuditLog(database, new TestClock()).entries(0, 1000);
  }
}
