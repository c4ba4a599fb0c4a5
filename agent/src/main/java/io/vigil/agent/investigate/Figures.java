package io.vigil.agent.investigate;

/**
 * The names of the figures the {@link Investigator} puts in each {@link
 * io.vigil.tools.incident.Evidence}, so that reasoners read them by name. "Current" is the
 * investigated window, "reference" the window before the onset; a figure is absent when its source
 * had no data (no labels, no baseline, no records).
 */
public final class Figures {

  /** Flags are 1 (true) or 0 (false). */
  public static final double TRUE = 1;

  // ACCURACY (subject "" for the model, or a version)
  /** Realized accuracy in the current window. */
  public static final String ACCURACY = "accuracy";

  /** Realized accuracy in the reference window. */
  public static final String REFERENCE_ACCURACY = "reference_accuracy";

  /** Current accuracy less reference accuracy: negative when it fell. */
  public static final String ACCURACY_CHANGE = "accuracy_change";

  /** Two-sided p-value of a two-proportion z-test (accuracy change, or version difference). */
  public static final String P_VALUE = "p_value";

  /** Labelled records behind the current accuracy. */
  public static final String LABELED = "labeled";

  /** Labelled records behind the reference accuracy. */
  public static final String REFERENCE_LABELED = "reference_labeled";

  /** Records served in the current window. */
  public static final String RECORDS = "records";

  /** Records served in the reference window. */
  public static final String REFERENCE_RECORDS = "reference_records";

  /** The label-free accuracy estimate of the current window, where labels are missing. */
  public static final String ESTIMATED_ACCURACY = "estimated_accuracy";

  /** The model's accuracy target, where it has one. */
  public static final String ACCURACY_TARGET = "accuracy_target";

  /**
   * 1 when the current window's realized accuracy is significantly below the target (its whole
   * Wilson interval is), else 0.
   */
  public static final String BELOW_TARGET = "below_target";

  // FEATURE_DRIFT (subject a feature) and DATASET_DRIFT (subject "", "@prediction" or
  // "@confidence")
  /** The drift test's effect size against the baseline. */
  public static final String EFFECT_SIZE = "effect_size";

  /** The effect size that counts as drift. */
  public static final String EFFECT_THRESHOLD = "effect_threshold";

  /** The p-value after the correction across features. */
  public static final String ADJUSTED_P_VALUE = "adjusted_p_value";

  /** 1 when the feature (or the dataset, or the prediction) drifted. */
  public static final String DRIFTED = "drifted";

  /** The feature's rank among drifted features, 1 for the most drifted. */
  public static final String RANK = "rank";

  /** The smoothed drift score at the newest window. */
  public static final String LEVEL = "level";

  /** The drift score's smoothed change per window. */
  public static final String VELOCITY = "velocity_per_window";

  /** The drift score's smoothed change of velocity per window. */
  public static final String ACCELERATION = "acceleration_per_window";

  /** The dynamics' risk: 0 stable, 1 watch, 2 warning, 3 critical. */
  public static final String RISK = "risk";

  /** Drifted features over tested features. */
  public static final String DRIFTED_SHARE = "drifted_share";

  /** Features that drifted. */
  public static final String DRIFTED_FEATURES = "drifted_features";

  /** Features tested. */
  public static final String TESTED_FEATURES = "tested_features";

  // DATA_QUALITY (subject a feature; current against reference window)
  /** Share of current observations without a value. */
  public static final String MISSING_SHARE = "missing_share";

  /** Share of reference observations without a value. */
  public static final String REFERENCE_MISSING_SHARE = "reference_missing_share";

  /** Current mean of a numeric feature. */
  public static final String MEAN = "mean";

  /** Reference mean of a numeric feature. */
  public static final String REFERENCE_MEAN = "reference_mean";

  /** Current standard deviation over the reference one (a unit change moves it by a factor). */
  public static final String SCALE_RATIO = "scale_ratio";

  /** (current mean − reference mean) / reference standard deviation. */
  public static final String MEAN_SHIFT_SDS = "mean_shift_sds";

  /** 1 when the feature took one value in the current window but several in the reference. */
  public static final String CONSTANT = "constant";

  /** Distinct categories in the current window. */
  public static final String DISTINCT = "distinct";

  /** Distinct categories in the reference window. */
  public static final String REFERENCE_DISTINCT = "reference_distinct";

  /** Share of current values in categories the reference window did not have. */
  public static final String NEW_CATEGORY_SHARE = "new_category_share";

  // VERSION_COMPARISON (subject the newer version B) and DEPLOYMENTS
  /** Accuracy of the previous version A. */
  public static final String ACCURACY_A = "accuracy_a";

  /** Accuracy of the newer version B. */
  public static final String ACCURACY_B = "accuracy_b";

  /** Accuracy A − accuracy B: positive when the newer version is worse. */
  public static final String ACCURACY_DIFFERENCE = "accuracy_difference";

  /** Labelled records of version A. */
  public static final String LABELED_A = "labeled_a";

  /** Labelled records of version B. */
  public static final String LABELED_B = "labeled_b";

  /** Error rate of version A. */
  public static final String ERROR_RATE_A = "error_rate_a";

  /** Error rate of version B. */
  public static final String ERROR_RATE_B = "error_rate_b";

  /** Whether the two versions' predictions are distributed differently (1) or not (0). */
  public static final String PREDICTIONS_DIFFER = "predictions_differ";

  /** The effect size of the difference between the two versions' predictions. */
  public static final String PREDICTION_EFFECT = "prediction_effect";

  /** The prediction effect size that counts as a difference. */
  public static final String PREDICTION_EFFECT_THRESHOLD = "prediction_effect_threshold";

  /**
   * Whether the versions were compared on traffic they served side by side (1: a canary, the same
   * inputs reach both) or one after the other (0: a difference may come from the inputs).
   */
  public static final String SIDE_BY_SIDE = "side_by_side";

  /** Deployments that took effect between the reference window's start and the window's end. */
  public static final String DEPLOYMENTS = "deployments";

  /** Minutes from the onset to the newest such deployment: negative when it came before. */
  public static final String MINUTES_FROM_ONSET = "minutes_from_onset";

  /** The share of traffic a version (or slice) carries. */
  public static final String TRAFFIC_SHARE = "traffic_share";

  // SEGMENTS (subject "attribute=value")
  /** The slice's part of the overall accuracy change, as a share of it. */
  public static final String CONTRIBUTION_SHARE = "contribution_share";

  /** The overall accuracy change between the windows. */
  public static final String OVERALL_CHANGE = "overall_change";

  /** The accuracy change of the rest of the traffic (the attribute's other values). */
  public static final String REST_CHANGE = "rest_accuracy_change";

  /** The p-value of the rest's accuracy change. */
  public static final String REST_P_VALUE = "rest_p_value";

  // LATENCY_ERRORS (subject "")
  /** Current 95th-percentile latency, in ms. */
  public static final String P95_MS = "p95_ms";

  /** Reference 95th-percentile latency, in ms. */
  public static final String REFERENCE_P95_MS = "reference_p95_ms";

  /** Current share of failed requests. */
  public static final String ERROR_RATE = "error_rate";

  /** Reference share of failed requests. */
  public static final String REFERENCE_ERROR_RATE = "reference_error_rate";

  // LOG_PATTERNS (subject "attribute=value", or the version)
  /** How much more often the value appears among failing records than overall. */
  public static final String LIFT = "lift";

  /** The value's share of the failing records. */
  public static final String ERROR_SHARE = "error_share";

  /** Where the pattern's attribute comes from: 0 feature, 1 segment, 2 version, 3 latency. */
  public static final String PATTERN_SOURCE = "pattern_source";

  // CLASS_BALANCE (subject "@prediction" or "@label")
  /** The most frequent class's share in the current window. */
  public static final String TOP_SHARE = "top_class_share";

  /** The same class's share in the reference window. */
  public static final String REFERENCE_TOP_SHARE = "reference_top_class_share";

  /** Total variation distance between the class distributions of the two windows, in [0, 1]. */
  public static final String TOTAL_VARIATION = "total_variation";

  /** Standard deviation of the predictions' confidence, current window. */
  public static final String CONFIDENCE_STD = "confidence_std";

  /** Standard deviation of the predictions' confidence, reference window. */
  public static final String REFERENCE_CONFIDENCE_STD = "reference_confidence_std";

  /**
   * The accuracy the current class balance alone predicts: each label class's current share times
   * the model's recall on it in the reference sample.
   */
  public static final String BALANCE_EXPLAINED_ACCURACY = "balance_explained_accuracy";

  /** The accuracy of the current labelled sample. */
  public static final String SAMPLE_ACCURACY = "sample_accuracy";

  /** Share of sampled answers carrying the single most frequent confidence value, exactly. */
  public static final String CONFIDENCE_MODE_SHARE = "confidence_mode_share";

  /** The same share in the reference window. */
  public static final String REFERENCE_CONFIDENCE_MODE_SHARE = "reference_confidence_mode_share";

  /** Sampled answers with a confidence, in the current window. */
  public static final String CONFIDENCE_SAMPLE = "confidence_sample";

  /** Observations behind a class balance in the current window. */
  public static final String SAMPLE = "sample";

  /** Observations behind a class balance in the reference window. */
  public static final String REFERENCE_SAMPLE = "reference_sample";

  private Figures() {}
}
