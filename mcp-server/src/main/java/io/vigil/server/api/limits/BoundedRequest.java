package io.vigil.server.api.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body cannot be read past a limit: reading byte {@code limit + 1} (or any byte,
 * when the declared length is already over it) throws {@link BodyTooLargeException} and marks the
 * request, so nothing ever buffers more than the limit.
 */
final class BoundedRequest extends HttpServletRequestWrapper {

  private final long limit;
  private ServletInputStream body;
  private BufferedReader reader;

  BoundedRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      body = new BoundedStream(super.getInputStream());
    }
    return body;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (reader == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
    return reader;
  }

  private BodyTooLargeException tooLarge() {
    setAttribute(BodyTooLargeException.REQUEST_ATTRIBUTE, Boolean.TRUE);
    return new BodyTooLargeException(limit);
  }

  private final class BoundedStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    BoundedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      checkDeclaredLength();
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      checkDeclaredLength();
      // Ask for at most one byte past the limit: enough to know the limit was passed.
      int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void checkDeclaredLength() throws BodyTooLargeException {
      if (getContentLengthLong() > limit || read > limit) {
        throw tooLarge();
      }
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw tooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
