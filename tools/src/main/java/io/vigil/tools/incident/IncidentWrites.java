package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentTransaction.fields;

import io.vigil.tools.query.TimeRange;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The writes that move an incident without a proposal: opening, investigation, diagnosis,
 * verification, transitions, and the deliveries beside them.
 */
final class IncidentWrites {

  private IncidentWrites() {}

  /** The audit action of a timeline event, e.g. {@code incident.resolved}. */
  static String action(TimelineEventType type) {
    return "incident." + type.name().toLowerCase(Locale.ROOT);
  }

  static Incident open(
      IncidentTransaction tx, String model, Trigger trigger, String title, String actor)
      throws SQLException {
    long key = IncidentRows.insert(tx.connection(), model, trigger, title, tx.now());
    String id = IncidentIds.INCIDENT.format(key);
    tx.event(key, TimelineEventType.OPENED, actor, title);
    tx.audit(
        actor,
        "incident.opened",
        id,
        fields("model", model, "signal", trigger.signal(), "title", title));
    return IncidentRows.require(tx.connection(), key);
  }

  static Incident investigate(
      IncidentTransaction tx, long key, TimeRange window, List<Evidence> items)
      throws SQLException {
    Incident incident =
        IncidentRows.move(
            tx.connection(), key, IncidentState.OPEN, IncidentState.INVESTIGATING, tx.now());
    IncidentRows.setInvestigatedWindow(tx.connection(), key, window);
    EvidenceRows.insert(tx.connection(), key, items);
    String detail = items.size() + " evidence items over " + window;
    tx.event(key, TimelineEventType.EVIDENCE_GATHERED, IncidentStore.AGENT, detail);
    tx.audit(
        IncidentStore.AGENT,
        "incident.investigated",
        incident.id(),
        fields("window", window, "evidence", items.size()));
    return incident;
  }

  static Incident diagnose(
      IncidentTransaction tx, long key, Diagnosis diagnosis, List<Evidence> gathered)
      throws SQLException {
    Incident incident =
        IncidentRows.move(
            tx.connection(), key, IncidentState.INVESTIGATING, IncidentState.DIAGNOSED, tx.now());
    EvidenceRows.insert(tx.connection(), key, gathered);
    DiagnosisRows.insert(tx.connection(), key, diagnosis, tx.now());
    Hypothesis top = diagnosis.top();
    String actor = "reasoner:" + diagnosis.decidedBy().name().toLowerCase(Locale.ROOT);
    tx.event(key, TimelineEventType.DIAGNOSED, actor, diagnosis.summary());
    tx.audit(
        actor,
        "incident.diagnosed",
        incident.id(),
        fields(
            "category", top.category(),
            "culprit", top.culprit(),
            "confidence", top.confidence(),
            "fallbackReason", diagnosis.fallbackReason().orElse(null)));
    return incident;
  }

  static Incident verify(
      IncidentTransaction tx, long key, Verification verification, Optional<IncidentState> next)
      throws SQLException {
    Incident incident;
    if (next.isPresent()) {
      incident =
          IncidentRows.move(tx.connection(), key, IncidentState.VERIFYING, next.get(), tx.now());
    } else {
      IncidentRows.requireState(tx.connection(), key, IncidentState.VERIFYING);
      incident = IncidentRows.require(tx.connection(), key);
    }
    OutcomeRows.insertVerification(tx.connection(), key, verification);
    tx.event(key, TimelineEventType.VERIFICATION, IncidentStore.AGENT, verification.detail());
    terminalEvent(tx, key, next, verification.detail());
    tx.audit(
        IncidentStore.AGENT,
        "incident.verified",
        incident.id(),
        fields(
            "outcome", verification.outcome(),
            "observed", verification.observed(),
            "target", verification.target(),
            "sampleSize", verification.sampleSize(),
            "estimated", verification.estimated(),
            "next", next.orElse(null)));
    return incident;
  }

  static Incident transition(
      IncidentTransaction tx,
      long key,
      IncidentState expected,
      IncidentState next,
      TimelineEventType type,
      String actor,
      String detail)
      throws SQLException {
    Incident incident = IncidentRows.move(tx.connection(), key, expected, next, tx.now());
    tx.event(key, type, actor, detail);
    tx.audit(
        actor, action(type), incident.id(), fields("from", expected, "to", next, "detail", detail));
    return incident;
  }

  static Void delivery(IncidentTransaction tx, long key, NotificationDelivery delivery)
      throws SQLException {
    IncidentRows.lock(tx.connection(), key);
    OutcomeRows.insertDelivery(tx.connection(), key, delivery);
    String detail =
        delivery.event().name().toLowerCase(Locale.ROOT)
            + " via "
            + delivery.channel()
            + " ("
            + delivery.format()
            + "): "
            + delivery.status().name().toLowerCase(Locale.ROOT)
            + " after "
            + delivery.attempts()
            + (delivery.attempts() == 1 ? " attempt" : " attempts");
    tx.event(key, TimelineEventType.NOTIFIED, IncidentStore.AGENT, detail);
    tx.audit(
        IncidentStore.AGENT,
        "notification." + delivery.status().name().toLowerCase(Locale.ROOT),
        delivery.incidentId(),
        fields(
            "channel", delivery.channel(),
            "event", delivery.event(),
            "attempts", delivery.attempts(),
            "httpStatus",
                delivery.httpStatus().isPresent() ? delivery.httpStatus().getAsInt() : null));
    return null;
  }

  private static void terminalEvent(
      IncidentTransaction tx, long key, Optional<IncidentState> next, String detail)
      throws SQLException {
    if (next.equals(Optional.of(IncidentState.RESOLVED))) {
      tx.event(key, TimelineEventType.RESOLVED, IncidentStore.AGENT, detail);
    } else if (next.equals(Optional.of(IncidentState.ESCALATED))) {
      tx.event(key, TimelineEventType.ESCALATED, IncidentStore.AGENT, detail);
    }
  }
}
