package io.vigil.server.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BoundedRequestTest {

  @Test
  void bodyWithinTheLimit_readsWhole() throws IOException {
    BoundedRequest request = new BoundedRequest(request(new byte[100], true), 100);

    assertThat(request.getInputStream().readAllBytes()).hasSize(100);
    assertThat(request.getAttribute(BodyTooLargeException.REQUEST_ATTRIBUTE)).isNull();
  }

  @Test
  void undeclaredBodyPastTheLimit_failsOnceOverItAndMarksTheRequest() throws IOException {
    BoundedRequest request = new BoundedRequest(request(new byte[101], false), 100);
    InputStream body = request.getInputStream();

    assertThatThrownBy(body::readAllBytes)
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessageContaining("100 bytes");
    assertThat(request.getAttribute(BodyTooLargeException.REQUEST_ATTRIBUTE)).isEqualTo(true);
  }

  @Test
  void declaredLengthPastTheLimit_failsBeforeReadingAnything() {
    BoundedRequest request = new BoundedRequest(request(new byte[500], true), 100);

    assertThatThrownBy(() -> request.getInputStream().read())
        .isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  void reader_isBoundedToo() {
    BoundedRequest request = new BoundedRequest(request(new byte[300], false), 100);

    assertThatThrownBy(() -> request.getReader().read(new char[1000]))
        .isInstanceOf(BodyTooLargeException.class);
  }

  private static MockHttpServletRequest request(byte[] body, boolean declareLength) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/v1/inferences") {
          @Override
          public long getContentLengthLong() {
            return declareLength ? super.getContentLengthLong() : -1;
          }

          @Override
          public int getContentLength() {
            return declareLength ? super.getContentLength() : -1;
          }
        };
    request.setContent(body);
    return request;
  }
}
