package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.engine.validation.Refusals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error of the engine REST API and the webapps' API is answered in Fenhe's error format: the
 * status that fits (400 for a person's mistake, 403, 404 for a task that is gone, 409 for a
 * conflict; 500 only for the server's own fault), the field, and the reason in Chinese ({@code
 * reason}, also the {@code message} the webapps show) and English ({@code reasonEn}) — no class
 * names, no internal messages, no stack traces.
 *
 * <p>A refusal of Fenhe's own guards and checks ({@link EngineRefusal}) is answered with its status
 * and all its fields. Successes pass through unbuffered.
 */
public class EngineErrorFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;

  public EngineErrorFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // long polling answers asynchronously, on another thread
    return request.getRequestURI().endsWith("/external-task/fetchAndLock");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusals.take();
    ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
    chain.doFilter(request, capturing);
    if (request.isAsyncStarted()) {
      return;
    }
    EngineRefusal refusal = Refusals.take();
    if (!capturing.isError()) {
      return;
    }
    Object body;
    int status;
    if (refusal != null) {
      status = refusal.status();
      body = body(refusal);
    } else if (isFenhes(capturing.capturedBody())) {
      status = capturing.getStatus(); // already in Fenhe's format (e.g. JsonFieldErrorMapper)
      body = JSON.readTree(capturing.capturedBody());
    } else {
      EngineErrors.Answer answer = answer(capturing);
      status = answer.status();
      body = ErrorJson.body(answer.type(), answer.error());
    }
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static boolean isFenhes(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json != null
          && json.hasNonNull("reason")
          && json.hasNonNull("reasonEn")
          && json.hasNonNull("field");
    } catch (IOException notJson) {
      return false;
    }
  }

  private EngineErrors.Answer answer(ErrorCapturingResponse capturing) {
    String text = new String(capturing.capturedBody(), StandardCharsets.UTF_8);
    String type = "";
    String message = text;
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.isObject()) {
        type = json.path("type").asText("");
        message = json.path("message").asText("");
      }
    } catch (IOException notJson) {
      // text/plain (e.g. a body the JSON reader could not read), HTML or nothing
    }
    return EngineErrors.of(type, message, capturing.getStatus(), identity);
  }

  /** The body of a refusal: the first field as the answer's, and every field under errors. */
  public static ErrorJson.Body body(EngineRefusal refusal) {
    String type =
        switch (refusal.status()) {
          case 403 -> "AuthorizationException";
          case 404 -> "NotFoundException";
          case 409 -> "ConflictException";
          case 503 -> "ServiceUnavailable";
          default -> "InvalidRequestException";
        };
    return ErrorJson.body(type, refusal.errors());
  }
}
