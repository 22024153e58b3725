package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.engine.validation.InvalidStartException;
import cn.gov.linfen.fenhe.engine.validation.StartRefusals;
import cn.gov.linfen.fenhe.workers.common.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Process starts (REST {@code …/start}, Tasklist {@code …/submit-form}) refused by a start
 * check, and task completions ({@code task/…/complete}, {@code task/…/submit-form}) refused by a
 * task completion check, are answered with HTTP 400, the fields and the reasons in Chinese and
 * English — not with the 500 the engine REST API gives to any engine exception there.
 */
public class StartRefusalFilter extends OncePerRequestFilter {

  private static final Pattern START = Pattern.compile(".*/process-definition/[^/]+(/[^/]+)?/(start|submit-form)$"
      + "|.*/task/[^/]+/(complete|submit-form)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !START.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StartRefusals.take();
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } finally {
      InvalidStartException refusal = StartRefusals.take();
      if (refusal != null && buffered.getStatus() >= 400) {
        buffered.resetBuffer();
        buffered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        buffered.setContentType("application/json;charset=UTF-8");
        buffered.getOutputStream().write(JSON.writeValueAsBytes(body(refusal)));
      }
      buffered.copyBodyToResponse();
    }
  }

  static Map<String, Object> body(InvalidStartException refusal) {
    List<FieldError> errors = refusal.errors();
    FieldError first = errors.get(0);
    Map<String, Object> body = new LinkedHashMap<>(ErrorJson.body("InvalidRequestException", first.field(),
        first.chinese(), first.english()));
    body.put("message", refusal.getMessage());
    body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "reason", e.chinese(), "reasonEn", e.english())).toList());
    return body;
  }

}
