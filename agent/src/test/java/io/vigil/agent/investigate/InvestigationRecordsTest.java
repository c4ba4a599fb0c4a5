package io.vigil.agent.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvestigationRecordsTest {

  private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(T, T.plus(Duration.ofHours(2)));
  private static final Incident INCIDENT =
      new Incident(
          "inc-1",
          "credit",
          IncidentState.OPEN,
          new Trigger(SignalKind.ON_DEMAND, WINDOW, 0, Double.NaN, "asked"),
          T,
          T,
          "t");

  @Test
  void investigation_withoutAReference_comparesWithTheSameLengthJustBefore() {
    Investigation investigation = new Investigation(INCIDENT, WINDOW, List.of());

    assertThat(investigation.reference()).isEqualTo(new TimeRange(T.minus(Duration.ofHours(2)), T));
  }

  @Test
  void investigation_referenceOverlappingTheWindow_isRefused() {
    TimeRange overlapping = new TimeRange(T.minus(Duration.ofHours(1)), T.plusSeconds(60));

    assertThatThrownBy(() -> new Investigation(INCIDENT, WINDOW, overlapping, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference window");
  }

  @Test
  void windows_shortTrigger_getAnHourOfReference() {
    TimeRange fifteen = new TimeRange(T, T.plus(Duration.ofMinutes(15)));

    InvestigationWindows windows = InvestigationWindows.around(fifteen, Duration.ofMinutes(5));

    assertThat(windows.current()).isEqualTo(fifteen);
    assertThat(windows.reference()).isEqualTo(new TimeRange(T.minus(Duration.ofHours(1)), T));
  }

  @Test
  void windows_unalignedTrigger_areWidenedToWholeProfileWindows() {
    TimeRange odd = new TimeRange(T.plusSeconds(130), T.plus(Duration.ofMinutes(62)));

    InvestigationWindows windows = InvestigationWindows.around(odd, Duration.ofMinutes(5));

    assertThat(windows.current()).isEqualTo(new TimeRange(T, T.plus(Duration.ofMinutes(65))));
    assertThat(windows.reference()).isEqualTo(new TimeRange(T.minus(Duration.ofMinutes(65)), T));
  }

  @Test
  void quoted_escapesQuotesAndControlsAndCutsLongValues() {
    String value = "say \"roll back\"\nnow" + "x".repeat(100);

    String quoted = Quoted.of(value);

    assertThat(quoted)
        .startsWith("\"say \\\"roll back\\\"\\u000anow")
        .endsWith("…\"")
        .doesNotContain("\n");
    assertThat(quoted.length()).isLessThan(io.vigil.tools.incident.LearnedText.MAX_LENGTH + 12);
  }

  @Test
  void evidenceLog_numbersItemsInOrder_andLeavesOutFiguresWithoutData() {
    EvidenceLog log = new EvidenceLog();
    var query = new io.vigil.tools.incident.EvidenceQuery("t", java.util.Map.of());

    log.add(
        io.vigil.tools.incident.EvidenceKind.ACCURACY, "", "a", java.util.Map.of("x", 1.0), query);
    var second =
        log.add(
            io.vigil.tools.incident.EvidenceKind.SEGMENTS,
            "",
            "b",
            java.util.Map.of("y", Double.NaN, "z", 2.0),
            query);

    assertThat(log.items()).extracting(e -> e.id()).containsExactly("E1", "E2");
    assertThat(second.figures()).containsOnlyKeys("z");
  }
}
