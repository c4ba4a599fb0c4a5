package io.vigil.tools.drift;

import io.vigil.detectors.dynamics.Risk;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a feature's drift score moved over recent windows: each window's effect size against the
 * baseline, smoothed into a level, a velocity and an acceleration per window, and the risk that it
 * reaches its alarm.
 *
 * @param windowLength the length of each scored window (the profile span used)
 * @param series the scored windows, from the first to the end of the last
 * @param scores each window's score, oldest first (windows without the feature are skipped)
 * @param calibrationWindows how many of the first scores calibrated the noise
 * @param level the smoothed score at the newest window
 * @param velocityPerWindow the smoothed change of the score per window
 * @param accelerationPerWindow the smoothed change of the velocity per window
 * @param alarmThreshold the score that counts as an alarm: the drift effect threshold, raised to
 *     the calibrated baseline plus five noise deviations where single windows are too small for it
 * @param risk how close the score is to its alarm
 * @param risks the risk of every assessed window (those after the calibration), oldest first, the
 *     newest being {@code risk}: a reader can tell a sustained warning from one window's noise
 * @param windowsToAlarm windows until the level reaches the alarm at the current velocity
 * @param timeToAlarm the same as a duration
 * @param reason why this risk, in words
 */
public record FeatureDynamics(
    Duration windowLength,
    TimeRange series,
    List<Double> scores,
    int calibrationWindows,
    double level,
    double velocityPerWindow,
    double accelerationPerWindow,
    double alarmThreshold,
    Risk risk,
    List<Risk> risks,
    OptionalDouble windowsToAlarm,
    Optional<Duration> timeToAlarm,
    String reason) {

  public FeatureDynamics {
    Objects.requireNonNull(windowLength, "windowLength");
    Objects.requireNonNull(series, "series");
    scores = List.copyOf(scores);
    Objects.requireNonNull(risk, "risk");
    risks = List.copyOf(risks);
    Objects.requireNonNull(windowsToAlarm, "windowsToAlarm");
    Objects.requireNonNull(timeToAlarm, "timeToAlarm");
    Objects.requireNonNull(reason, "reason");
  }
}
