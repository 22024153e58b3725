package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any engine code runs, the request shapes that Camunda 7 CE (which receives no
 * more security fixes after 7.24) must never see:
 *
 * <ul>
 *   <li>expressions ({@code ${…}} or {@code #{…}}) in any query parameter or request body,
 *       including nested {@code orQueries} — only a deployment (multipart) may carry them;
 *   <li>Java-serialized variable values ({@code application/x-java-serialized-object});
 *   <li>bodies larger than the limit.
 * </ul>
 *
 * <p>A JSON body is read as JSON — every string value and every key, after JSON's escapes ({@code
 * \u0024{…}}) are decoded — and any {@code …Expression} key with a value is refused, whatever it
 * holds; other bodies are scanned as text. This is the second layer: the engine refuses expressions
 * in queries itself (see {@code engine.guard.QueryExpressionGuard}).
 *
 * <p>The answer is HTTP 400 in the engine REST API's error format, naming the field.
 */
public class RequestGuardFilter extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

  /** The webapps' unauthenticated "create the first admin" API: never open. */
  static final String SETUP_API = "/camunda/api/admin/setup/";

  static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().startsWith(request.getContextPath() + SETUP_API)) {
      ErrorJson.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          PlatformRefusal.SETUP_DISABLED.at("setup"));
      return;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (isExpressionField(parameter.getKey()) || containsExpression(parameter.getKey())) {
        refuse(response, PlatformRefusal.EXPRESSION_IN_QUERY_PARAMETER.at(parameter.getKey()));
        return;
      }
      for (String value : parameter.getValue()) {
        if (containsExpression(value)) {
          refuse(response, PlatformRefusal.EXPRESSION_IN_QUERY_PARAMETER.at(parameter.getKey()));
          return;
        }
      }
    }
    String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase();
    if (contentType.startsWith("multipart/")
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      // an upload of materials to the platform API: files, no engine variables or queries; the
      // servlet's multipart limits (fenhe.materials.max-size) apply
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, PlatformRefusal.BODY_TOO_LARGE.at("body"));
      return;
    }
    boolean multipart = contentType.startsWith("multipart/");
    boolean form = contentType.startsWith("application/x-www-form-urlencoded");
    if (form || request.getContentLengthLong() == 0) {
      chain.doFilter(request, response); // form parameters were checked above
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(response, PlatformRefusal.BODY_TOO_LARGE.at("body"));
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    JsonNode json = multipart ? null : json(text);
    if (text.contains(JAVA_SERIALIZED)
        || json != null && fieldContaining(json, JAVA_SERIALIZED).isPresent()) {
      refuse(response, PlatformRefusal.JAVA_SERIALIZATION_REFUSED.at("serializationDataFormat"));
      return;
    }
    if (!multipart) {
      Optional<String> field = json != null ? expressionIn(json) : fieldWithExpression(text);
      if (field.isPresent()) {
        refuse(response, PlatformRefusal.EXPRESSION_IN_REQUEST.at(field.get()));
        return;
      }
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as JSON, or null when it is not JSON. */
  static JsonNode json(String text) {
    String trimmed = text.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    try {
      return JSON.readTree(trimmed);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The field of a JSON body holding an expression: an {@code …Expression} key with a value, or a
   * key or string value with {@code ${…}} or {@code #{…}} in it, at any depth.
   */
  static Optional<String> expressionIn(JsonNode json) {
    return find(json, "body", true, RequestGuardFilter::containsExpression);
  }

  /** The field of a JSON body whose key or string value has the text in it, at any depth. */
  static Optional<String> fieldContaining(JsonNode json, String text) {
    return find(json, "body", false, value -> value.contains(text));
  }

  private static Optional<String> find(
      JsonNode node, String field, boolean expressionKeys, Predicate<String> bad) {
    if (node.isTextual()) {
      return bad.test(node.asText()) ? Optional.of(field) : Optional.empty();
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> found = find(element, field, expressionKeys, bad);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = entry.getKey();
      if (bad.test(key) || expressionKeys && isExpressionField(key) && !entry.getValue().isNull()) {
        return Optional.of(key);
      }
      Optional<String> found = find(entry.getValue(), key, expressionKeys, bad);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * A query field that takes an expression ({@code assigneeExpression}, {@code
   * dueBeforeExpression}, …).
   */
  static boolean isExpressionField(String name) {
    return name != null && name.endsWith("Expression");
  }

  static boolean containsExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  /** The JSON key nearest before the first expression in a body, or "body". */
  static Optional<String> fieldWithExpression(String body) {
    int at = indexOfExpression(body);
    if (at < 0) {
      return Optional.empty();
    }
    int colon = body.lastIndexOf(':', at);
    int keyEnd = colon < 0 ? -1 : body.lastIndexOf('"', colon);
    int keyStart = keyEnd <= 0 ? -1 : body.lastIndexOf('"', keyEnd - 1);
    if (keyStart >= 0 && keyEnd > keyStart) {
      return Optional.of(body.substring(keyStart + 1, keyEnd));
    }
    return Optional.of("body");
  }

  private static int indexOfExpression(String body) {
    int dollar = body.indexOf("${");
    int hash = body.indexOf("#{");
    if (dollar < 0) {
      return hash;
    }
    return hash < 0 ? dollar : Math.min(dollar, hash);
  }

  static void refuse(HttpServletResponse response, FieldError error) throws IOException {
    ErrorJson.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", error);
  }
}
