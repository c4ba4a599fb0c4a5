package io.vigil.agent.reason.ollama;

import io.vigil.agent.investigate.Investigation;
import io.vigil.agent.reason.InjectionScan;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.reason.Reasoning;
import io.vigil.agent.reason.SuspiciousText;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The LLM reasoner behind a safety net: its diagnosis stands only when it passed the schema and the
 * checks; on a refused answer, a timeout or a transport failure the fallback (deterministic)
 * ranking stands, with the reason recorded in {@link Diagnosis#fallbackReason()}. Ollama being
 * unreachable or busy is retried as {@link RetryPolicy} says; a timeout or a refused answer is not.
 *
 * <p>When the evidence carries instruction-like text ({@link InjectionScan}), or the LLM blames a
 * model version (a rollback is the one action whose target follows from the LLM's culprit), the
 * LLM's ranking is trusted only if its top hypothesis agrees with the fallback's in category and
 * culprit, the two things the act node derives an action from; otherwise the fallback stands, so
 * that text in the traffic cannot steer the action, even in words the scan does not recognise.
 */
public final class CheckedReasoner implements Reasoner {

  private final Reasoner llm;
  private final Reasoner fallback;
  private final RetryPolicy retry;

  /**
   * @param llm the LLM reasoner, e.g. {@link OllamaReasoner}
   * @param fallback the deterministic reasoner, always able to answer
   * @param retry how often to ask the LLM while Ollama is unreachable or busy
   */
  public CheckedReasoner(Reasoner llm, Reasoner fallback, RetryPolicy retry) {
    this.llm = Objects.requireNonNull(llm, "llm");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Asks up to {@code attempts} times while Ollama is unreachable or busy, waiting {@link
   * RetryPolicy#DEFAULT}'s pause, doubling, in between.
   */
  public CheckedReasoner(Reasoner llm, Reasoner fallback, int attempts) {
    this(
        llm,
        fallback,
        new RetryPolicy(attempts, RetryPolicy.DEFAULT.firstPause(), RetryPolicy.DEFAULT.pause()));
  }

  @Override
  public Diagnosis diagnose(Investigation investigation) {
    return reason(investigation).diagnosis();
  }

  /**
   * The LLM's diagnosis if it passed, else the fallback's; either way with the instruction-like
   * text found in the evidence, for the incident to record.
   */
  @Override
  public Reasoning reason(Investigation investigation) {
    Reasoning answer;
    try {
      answer = ask(investigation);
    } catch (RuntimeException failure) {
      List<Evidence> read =
          failure instanceof ReplyRejectedException refused ? refused.gathered() : List.of();
      return fallback(
          fallback.diagnose(investigation),
          why(failure),
          read,
          InjectionScan.scan(investigation, read));
    }
    List<SuspiciousText> suspicious = InjectionScan.scan(investigation, answer.gathered());
    Optional<Rejection> doubt = doubt(answer.diagnosis().top(), suspicious);
    if (doubt.isEmpty()) {
      return new Reasoning(answer.diagnosis(), answer.gathered(), suspicious);
    }
    Diagnosis deterministic = fallback.diagnose(investigation);
    if (agree(answer.diagnosis().top(), deterministic.top())) {
      return new Reasoning(answer.diagnosis(), answer.gathered(), suspicious);
    }
    String because =
        doubt.get() == Rejection.SUSPECTED_INJECTION
            ? "the evidence carries instruction-like text ("
                + suspicious.get(0).where()
                + ": \""
                + suspicious.get(0).excerpt()
                + "\")"
            : "a rollback is only proposed when the evidence-weighted ranking also blames the"
                + " version";
    return fallback(
        deterministic,
        "refused ("
            + doubt.get()
            + "): "
            + because
            + ", and the LLM's top hypothesis ("
            + describe(answer.diagnosis().top())
            + ") departs from the evidence-weighted one ("
            + describe(deterministic.top())
            + ")",
        answer.gathered(),
        suspicious);
  }

  /**
   * Why the LLM's top hypothesis needs the fallback's agreement, if it does: text in the evidence
   * may have steered it, or it blames a version, the one cause whose action (a rollback away from
   * the culprit) takes its target from the LLM's words.
   */
  private static Optional<Rejection> doubt(Hypothesis top, List<SuspiciousText> suspicious) {
    if (!suspicious.isEmpty()) {
      return Optional.of(Rejection.SUSPECTED_INJECTION);
    }
    if (top.category() == RootCause.BAD_MODEL_VERSION) {
      return Optional.of(Rejection.UNCORROBORATED_ROLLBACK);
    }
    return Optional.empty();
  }

  private Reasoning ask(Investigation investigation) {
    for (int attempt = 1; ; attempt++) {
      try {
        return llm.reason(investigation);
      } catch (RuntimeException failure) {
        if (LlmFailure.of(failure) != LlmFailure.UNAVAILABLE || attempt >= retry.attempts()) {
          throw failure;
        }
        pause(attempt, failure);
      }
    }
  }

  private void pause(int attempt, RuntimeException failure) {
    try {
      retry.pause().pause(retry.pauseAfter(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }

  private static String why(RuntimeException failure) {
    return switch (LlmFailure.of(failure)) {
      case REFUSED ->
          "refused ("
              + ((ReplyRejectedException) failure).rejection()
              + "): "
              + failure.getMessage();
      case TIMED_OUT -> "timed out: the LLM did not answer in time";
      case UNAVAILABLE -> "unavailable: " + describe(failure);
      case FAILED ->
          (LlmFailure.fromClient(failure) ? "failed: " : "failed in Vigil: ") + describe(failure);
    };
  }

  /**
   * The deterministic diagnosis, with the evidence the LLM's tool calls gathered: the LLM read it,
   * and the suspicious text found there names it by id, so the incident keeps it.
   */
  private static Reasoning fallback(
      Diagnosis deterministic,
      String reason,
      List<Evidence> gathered,
      List<SuspiciousText> suspicious) {
    Diagnosis standing =
        new Diagnosis(
            deterministic.hypotheses(),
            deterministic.ruledOut(),
            ReasonerKind.DETERMINISTIC,
            Optional.of("LLM answer not used, " + reason),
            deterministic.summary());
    return new Reasoning(standing, gathered, suspicious);
  }

  private static boolean agree(Hypothesis llm, Hypothesis deterministic) {
    return llm.category() == deterministic.category()
        && llm.culprit().equals(deterministic.culprit());
  }

  private static String describe(Hypothesis hypothesis) {
    return hypothesis.category()
        + (hypothesis.culprit().isEmpty() ? "" : " " + ReplyParser.excerpt(hypothesis.culprit()));
  }

  private static String describe(RuntimeException failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (message == null ? "" : ": " + ReplyParser.excerpt(message));
  }
}
