package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with HTTP 400 naming the field, the input the database would refuse with a server error
 * ({@link InputLimits}): in JSON bodies and query parameters of the engine REST API, the webapps'
 * API and the platform API. A body of the platform API may have at most {@value #MAX_PLATFORM_BODY}
 * bytes, except an upload (multipart), limited by {@code fenhe.materials.max-size}. Deployments
 * (multipart) and forms pass untouched.
 */
public class InputLimitsFilter extends OncePerRequestFilter {

  public static final int MAX_PLATFORM_BODY = 1024 * 1024;
  static final int MAX_BODY = 20 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String platformApiPrefix;

  public InputLimitsFilter(String platformApiPrefix) {
    this.platformApiPrefix = platformApiPrefix;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        Optional<FieldError> refusal = InputLimits.parameter(parameter.getKey(), value);
        if (refusal.isPresent()) {
          refuse(response, refusal.get());
          return;
        }
      }
    }
    boolean platform =
        request.getRequestURI().startsWith(request.getContextPath() + platformApiPrefix);
    if (platform && isMultipart(request)) {
      // an upload of materials: limited by the servlet's multipart limits
      // (fenhe.materials.max-size)
      chain.doFilter(request, response);
      return;
    }
    int limit = platform ? MAX_PLATFORM_BODY : MAX_BODY;
    if (request.getContentLengthLong() > limit) {
      refuse(response, tooLarge(limit));
      return;
    }
    String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase();
    if (contentType.startsWith("multipart/")
        || contentType.startsWith("application/x-www-form-urlencoded")
        || request.getContentLengthLong() == 0) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      refuse(response, tooLarge(limit));
      return;
    }
    if (body.length > 0 && (contentType.isEmpty() || contentType.contains("json"))) {
      JsonNode json = null;
      try {
        json = JSON.readTree(body);
      } catch (JsonProcessingException e) {
        // not JSON: the API's own answer (a 400 of the engine or of Spring) follows
      }
      if (json != null) {
        Optional<FieldError> refusal = InputLimits.check(json);
        if (refusal.isPresent()) {
          refuse(response, refusal.get());
          return;
        }
      }
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  static boolean isMultipart(HttpServletRequest request) {
    return Optional.ofNullable(request.getContentType())
        .orElse("")
        .toLowerCase()
        .startsWith("multipart/");
  }

  private static FieldError tooLarge(int limit) {
    return PlatformRefusal.BODY_TOO_LARGE_KB.at("body", (limit / 1024));
  }

  private static void refuse(HttpServletResponse response, FieldError refusal) throws IOException {
    ErrorJson.write(
        response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal);
  }
}
