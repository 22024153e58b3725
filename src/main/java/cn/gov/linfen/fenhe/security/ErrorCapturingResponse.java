package cn.gov.linfen.fenhe.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response that passes a success through untouched (streamed, never buffered) and holds back the
 * body of an error (status 400 or above) so that {@link EngineErrorFilter} can answer it in Fenhe's
 * own error format instead.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private ServletOutputStream capturedStream;
  private PrintWriter capturedWriter;

  ErrorCapturingResponse(HttpServletResponse response) {
    super(response);
  }

  boolean isError() {
    return getStatus() >= 400;
  }

  byte[] capturedBody() {
    if (capturedWriter != null) {
      capturedWriter.flush();
    }
    return captured.toByteArray();
  }

  @Override
  public void sendError(int status) {
    setStatus(status); // answered by the filter, not by the container's error page
  }

  @Override
  public void sendError(int status, String message) {
    setStatus(status);
  }

  @Override
  public ServletOutputStream getOutputStream() throws java.io.IOException {
    if (!isError()) {
      return super.getOutputStream();
    }
    if (capturedStream == null) {
      capturedStream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              captured.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException();
            }
          };
    }
    return capturedStream;
  }

  @Override
  public PrintWriter getWriter() throws java.io.IOException {
    if (!isError()) {
      return super.getWriter();
    }
    if (capturedWriter == null) {
      capturedWriter = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
    }
    return capturedWriter;
  }

  @Override
  public void setContentLength(int length) {
    if (!isError()) {
      super.setContentLength(length);
    }
  }

  @Override
  public void setContentLengthLong(long length) {
    if (!isError()) {
      super.setContentLengthLong(length);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!(isError() && "Content-Length".equalsIgnoreCase(name))) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!(isError() && "Content-Length".equalsIgnoreCase(name))) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void flushBuffer() throws java.io.IOException {
    if (!isError()) {
      super.flushBuffer();
    }
  }

  @Override
  public void resetBuffer() {
    captured.reset();
    if (!isError()) {
      super.resetBuffer();
    }
  }
}
