package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

  private static List<String> lines(String text, int maxLineBytes) throws IOException {
    NdjsonLines lines =
        new NdjsonLines(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    List<String> result = new ArrayList<>();
    NdjsonLines.Line line;
    while ((line = lines.next()) != null) {
      result.add(
          line.number()
              + ":"
              + (line.tooLong()
                  ? "<too long>"
                  : new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8)));
    }
    return result;
  }

  @Test
  void next_lfCrlfAndNoFinalNewline_splitsAndNumbersLines() throws IOException {
    assertThat(lines("a\r\nbb\n\nccc", 100)).containsExactly("1:a", "2:bb", "3:", "4:ccc");
  }

  @Test
  void next_finalNewline_addsNoEmptyLine() throws IOException {
    assertThat(lines("a\nb\n", 100)).containsExactly("1:a", "2:b");
  }

  @Test
  void next_lineLongerThanTheMaximum_isMarkedAndSkippedToItsEnd() throws IOException {
    assertThat(lines("short\n" + "x".repeat(50) + "\nnext", 10))
        .containsExactly("1:short", "2:<too long>", "3:next");
  }

  @Test
  void next_linesAcrossBufferBoundaries_areWhole() throws IOException {
    String longLine = "y".repeat(100_000);

    List<String> result = lines("a\n" + longLine + "\nb", 200_000);

    assertThat(result).containsExactly("1:a", "2:" + longLine, "3:b");
  }

  @Test
  void isBlank_whitespaceOnly_isBlank() throws IOException {
    NdjsonLines lines =
        new NdjsonLines(
            new ByteArrayInputStream(" \t \r\n{}".getBytes(StandardCharsets.UTF_8)), 10);

    assertThat(lines.next().isBlank()).isTrue();
    assertThat(lines.next().isBlank()).isFalse();
  }
}
