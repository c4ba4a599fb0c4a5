package io.vigil.detectors.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The monitor's life cycle, its configuration's validation and the result record's. */
class ScoreMonitorTest {

  private static final ScoreDynamics DEFAULTS = ScoreDynamics.withAlarmThreshold(1.0);

  @Test
  void newMonitor_firstScores_calibrateAndThenMonitor() {
    ScoreMonitor monitor = DEFAULTS.withCalibrationWindows(20).newMonitor();
    double[] scores = SeededScores.stationary(new SplittableRandom(21), 21, 0, 0.1);

    Dynamics[] dynamics = new Dynamics[scores.length];
    for (int i = 0; i < scores.length; i++) {
      dynamics[i] = monitor.accept(scores[i]);
    }

    assertThat(dynamics[19].phase()).isEqualTo(Dynamics.Phase.CALIBRATING);
    assertThat(dynamics[19].reason()).contains("20 of 20");
    assertThat(dynamics[20].phase()).isEqualTo(Dynamics.Phase.MONITORING);
    assertThat(dynamics[20].window()).isEqualTo(20);
    assertThat(monitor.calibration()).isPresent();
  }

  @Test
  void accept_whileCalibratingAtTheThreshold_isCritical() {
    ScoreMonitor monitor = DEFAULTS.newMonitor();

    Dynamics dynamics = monitor.accept(1.5);

    assertThat(dynamics.risk()).isEqualTo(Risk.CRITICAL);
    assertThat(monitor.calibration()).isEmpty();
  }

  @Test
  void accept_linearRamp_reportsLevelVelocityAndProjection() {
    double[] reference = SeededScores.stationary(new SplittableRandom(22), 50, 0, 0.01);

    Dynamics last = lastOfRamp(DEFAULTS.calibrate(reference));

    assertThat(last.level()).isCloseTo(0.30, within(1e-12));
    assertThat(last.velocity()).isCloseTo(0.02, within(1e-12));
    assertThat(last.acceleration()).isCloseTo(0.0, within(1e-12));
    assertThat(last.windowsToAlarm().getAsDouble()).isCloseTo(35.0, within(1e-9));
    assertThat(last.risk()).isEqualTo(Risk.WATCH);
  }

  @Test
  void accept_linearRampWithinTheHorizon_warns() {
    double[] reference = SeededScores.stationary(new SplittableRandom(22), 50, 0, 0.01);

    Dynamics last = lastOfRamp(DEFAULTS.withHorizon(40).calibrate(reference));

    assertThat(last.risk()).isEqualTo(Risk.WARNING);
    assertThat(last.reason()).contains("crossing projected in 35.0 windows");
  }

  @Test
  void accept_lowerIsWorseAndRising_projectsNoCrossing() {
    ScoreDynamics accuracy =
        ScoreDynamics.withAlarmThreshold(0.8).with(ScoreDynamics.Direction.LOWER_IS_WORSE);
    ScoreMonitor monitor =
        accuracy.calibrate(SeededScores.stationary(new SplittableRandom(23), 50, 0.9, 0.01));

    Dynamics last = null;
    for (int i = 1; i <= 15; i++) {
      last = monitor.accept(0.9 + 0.002 * i);
    }

    assertThat(last.windowsToAlarm()).isEmpty();
    assertThat(last.risk()).isEqualTo(Risk.STABLE);
  }

  @Test
  void accept_nonFiniteScore_isRefusedNamingTheWindow() {
    ScoreMonitor monitor = DEFAULTS.newMonitor();
    monitor.accept(0.1);

    assertThatThrownBy(() -> monitor.accept(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window 1");
  }

  @Test
  void accept_constantReferencePeriod_isRefusedAndCalibrationRestarts() {
    ScoreMonitor monitor = DEFAULTS.withWindow(3).withCalibrationWindows(3).newMonitor();
    monitor.accept(0.5);
    monitor.accept(0.5);

    assertThatThrownBy(() -> monitor.accept(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constant");
    assertThat(monitor.accept(0.4).phase()).isEqualTo(Dynamics.Phase.CALIBRATING);
  }

  @Test
  void calibrate_fewerScoresThanTheWindow_isRefused() {
    assertThatThrownBy(() -> DEFAULTS.calibrate(new double[14]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 windows");
  }

  @Test
  void configuration_badValues_areRefused() {
    assertThatThrownBy(() -> ScoreDynamics.withAlarmThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alarm threshold");
    assertThatThrownBy(() -> DEFAULTS.withWindow(2)).hasMessageContaining("window");
    assertThatThrownBy(() -> DEFAULTS.withHorizon(0)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> DEFAULTS.withCalibrationWindows(2)).hasMessageContaining("3");
    assertThatThrownBy(() -> DEFAULTS.withCalibrationWindows(10).newMonitor())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("window");
  }

  @Test
  void with_anyOption_leavesTheOriginalUnchanged() {
    ScoreDynamics changed =
        DEFAULTS.with(ScoreDynamics.Direction.LOWER_IS_WORSE).withWindow(9).withHorizon(5);

    assertThat(DEFAULTS.direction()).isEqualTo(ScoreDynamics.Direction.HIGHER_IS_WORSE);
    assertThat(DEFAULTS.window()).isEqualTo(ScoreDynamics.DEFAULT_WINDOW);
    assertThat(changed.window()).isEqualTo(9);
    assertThat(changed.horizon()).isEqualTo(5.0);
  }

  @Test
  void dynamics_nonFiniteValueOrProjection_isRefused() {
    assertThatThrownBy(
            () ->
                new Dynamics(
                    0,
                    Dynamics.Phase.MONITORING,
                    0,
                    Double.NaN,
                    0,
                    0,
                    Risk.STABLE,
                    OptionalDouble.empty(),
                    "x"))
        .hasMessageContaining("level");
    assertThatThrownBy(
            () ->
                new Dynamics(
                    0,
                    Dynamics.Phase.MONITORING,
                    0,
                    0,
                    0,
                    0,
                    Risk.STABLE,
                    OptionalDouble.of(Double.POSITIVE_INFINITY),
                    "x"))
        .hasMessageContaining("windowsToAlarm");
  }

  /** Feeds {@code 0.02·i} for {@code i = 1..15} and returns the last window's dynamics. */
  private static Dynamics lastOfRamp(ScoreMonitor monitor) {
    Dynamics last = null;
    for (int i = 1; i <= 15; i++) {
      last = monitor.accept(0.02 * i);
    }
    return last;
  }
}
