package io.vigil.agent.reason.ollama;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed reply against the evidence: every cited id exists, every culprit is named by the
 * evidence its hypothesis cites, every category is of a kind the cited evidence can support, and
 * nothing proposes an action.
 */
final class ReplyCheck {

  /** The component a serving fault is blamed on, as the taxonomy names it. */
  static final String SERVING = "serving";

  /** A prior shift of the labels' class balance. */
  static final String LABELS = "@label";

  /** A shift of the predictions' class balance alone. */
  static final String PREDICTIONS = "@prediction";

  /** Which kinds of evidence can support each category. */
  private static final Map<RootCause, Set<EvidenceKind>> SUPPORT = support();

  private final Map<String, Evidence> evidence = new LinkedHashMap<>();
  private final String model;

  /**
   * @param evidence the investigation's evidence and the model's own tool results
   * @param model the incident's model, a fitting culprit for concept and prior shift
   */
  ReplyCheck(List<Evidence> evidence, String model) {
    evidence.forEach(item -> this.evidence.put(item.id(), item));
    this.model = model;
  }

  /**
   * The reply as the Ollama reasoner's diagnosis.
   *
   * @throws ReplyRejectedException naming the first check it fails
   */
  Diagnosis check(ParsedReply reply) {
    for (Hypothesis hypothesis : reply.hypotheses()) {
      String where = "hypothesis " + hypothesis.rank();
      List<Evidence> cited = cited(hypothesis.evidenceIds(), where);
      culprit(hypothesis, cited, where);
      supported(hypothesis, cited, where);
      noAction(hypothesis.culprit(), where + " culprit");
      noAction(hypothesis.explanation(), where + " explanation");
    }
    for (int i = 0; i < reply.ruledOut().size(); i++) {
      RuledOut ruledOut = reply.ruledOut().get(i);
      cited(ruledOut.evidenceIds(), "ruled_out " + (i + 1));
      noAction(ruledOut.reason(), "ruled_out " + (i + 1) + " reason");
    }
    noAction(reply.summary(), "summary");
    return new Diagnosis(
        reply.hypotheses(),
        reply.ruledOut(),
        ReasonerKind.OLLAMA,
        Optional.empty(),
        reply.summary());
  }

  private List<Evidence> cited(List<String> ids, String where) {
    return ids.stream()
        .map(
            id -> {
              Evidence item = evidence.get(id);
              if (item == null) {
                throw new ReplyRejectedException(
                    Rejection.UNKNOWN_EVIDENCE,
                    where
                        + " cites "
                        + ReplyParser.excerpt(id)
                        + ", which is not in the evidence (known: "
                        + evidence.keySet()
                        + ")");
              }
              return item;
            })
        .toList();
  }

  private void culprit(Hypothesis hypothesis, List<Evidence> cited, String where) {
    String culprit = hypothesis.culprit();
    if (hypothesis.category() == RootCause.NONE) {
      if (!culprit.isEmpty() && !culprit.equals(model)) {
        throw new ReplyRejectedException(
            Rejection.UNKNOWN_CULPRIT,
            where + " finds no cause yet blames '" + ReplyParser.excerpt(culprit) + "'");
      }
      return;
    }
    if (named(culprit, hypothesis.category(), cited)) {
      return;
    }
    throw new ReplyRejectedException(
        Rejection.UNKNOWN_CULPRIT,
        where
            + " blames '"
            + ReplyParser.excerpt(culprit)
            + "', which none of the evidence it cites names");
  }

  /**
   * Whether the evidence names {@code culprit}: as a subject, an argument of its query, or the
   * prefix of a figure ({@code v2.accuracy}). Concept drift blames the serving version, which any
   * evidence may name; prior shift blames the labels or the predictions.
   */
  private boolean named(String culprit, RootCause category, List<Evidence> cited) {
    if (culprit.isEmpty()) {
      return false;
    }
    boolean fitting =
        switch (category) {
          case INFRASTRUCTURE -> culprit.equals(SERVING);
          case CONCEPT_DRIFT -> culprit.equals(model) || names(evidence.values()).contains(culprit);
          case PRIOR_SHIFT ->
              culprit.equals(model) || culprit.equals(LABELS) || culprit.equals(PREDICTIONS);
          default -> false;
        };
    return fitting || names(cited).contains(culprit);
  }

  private static Set<String> names(Collection<Evidence> items) {
    Set<String> names = new HashSet<>();
    for (Evidence item : items) {
      names.add(item.subject());
      for (String value : item.query().arguments().values()) {
        names.add(value);
        names.addAll(List.of(value.split(",")));
      }
      for (String figure : item.figures().keySet()) {
        int dot = figure.lastIndexOf('.');
        if (dot > 0) {
          names.add(figure.substring(0, dot));
        }
      }
    }
    return names;
  }

  /** The kinds of evidence that can support {@code category}. */
  static Set<EvidenceKind> supportFor(RootCause category) {
    return Set.copyOf(SUPPORT.get(category));
  }

  private static void supported(Hypothesis hypothesis, List<Evidence> cited, String where) {
    Set<EvidenceKind> kinds = SUPPORT.get(hypothesis.category());
    if (cited.stream().noneMatch(item -> kinds.contains(item.kind()))) {
      throw new ReplyRejectedException(
          Rejection.UNSUPPORTED_CATEGORY,
          where
              + " claims "
              + hypothesis.category()
              + " but cites no evidence of a kind that could show it (one of "
              + kinds
              + ")");
    }
  }

  private static void noAction(String text, String where) {
    ActionLanguage.find(text)
        .ifPresent(
            phrase -> {
              throw new ReplyRejectedException(
                  Rejection.PROPOSES_ACTION,
                  where
                      + " proposes an action ('"
                      + ReplyParser.excerpt(phrase)
                      + "'); the reasoner only ranks causes");
            });
  }

  private static Map<RootCause, Set<EvidenceKind>> support() {
    Map<RootCause, Set<EvidenceKind>> support = new EnumMap<>(RootCause.class);
    support.put(
        RootCause.COVARIATE_DRIFT,
        EnumSet.of(EvidenceKind.FEATURE_DRIFT, EvidenceKind.DATASET_DRIFT));
    support.put(
        RootCause.CONCEPT_DRIFT,
        EnumSet.of(
            EvidenceKind.ACCURACY, EvidenceKind.VERSION_COMPARISON, EvidenceKind.DATASET_DRIFT));
    support.put(
        RootCause.DATA_QUALITY,
        EnumSet.of(
            EvidenceKind.DATA_QUALITY, EvidenceKind.FEATURE_DRIFT, EvidenceKind.LOG_PATTERNS));
    support.put(
        RootCause.BAD_MODEL_VERSION,
        EnumSet.of(EvidenceKind.VERSION_COMPARISON, EvidenceKind.DEPLOYMENTS));
    support.put(
        RootCause.INFRASTRUCTURE,
        EnumSet.of(
            EvidenceKind.LATENCY_ERRORS, EvidenceKind.LOG_PATTERNS, EvidenceKind.CLASS_BALANCE));
    support.put(
        RootCause.PRIOR_SHIFT, EnumSet.of(EvidenceKind.CLASS_BALANCE, EvidenceKind.DATASET_DRIFT));
    support.put(RootCause.SEGMENT_LOCAL, EnumSet.of(EvidenceKind.SEGMENTS));
    support.put(RootCause.NONE, EnumSet.allOf(EvidenceKind.class));
    return support;
  }
}
