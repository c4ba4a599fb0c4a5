package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceKind;
import java.util.Map;

/**
 * Runs one kind of evidence gathering and, when its service refuses the question (an {@link
 * IllegalArgumentException}: a regression model asked for accuracy, a feature the model lacks),
 * records that as a finding of that kind instead of failing the whole investigation. A store that
 * cannot be read still fails it: the agent retries the node later.
 */
final class Unanswered {

  private final Scope scope;
  private final EvidenceLog log;

  Unanswered(Scope scope, EvidenceLog log) {
    this.scope = scope;
    this.log = log;
  }

  void guard(EvidenceKind kind, String tool, Runnable gathering) {
    try {
      gathering.run();
    } catch (IllegalArgumentException refused) {
      log.add(
          kind,
          "",
          "the tool could not answer: " + Quoted.of(String.valueOf(refused.getMessage())) + ".",
          Map.of(),
          scope.query(tool, "time_window", Scope.text(scope.windows().current())));
    }
  }
}
