package cn.gov.linfen.fenhe.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error body of Fenhe, compatible with the engine REST API's ({@code type},
 * {@code message}, in Chinese: the webapps show it to the person) and adding the field and the
 * reason in Chinese ({@code reason}) and English ({@code reasonEn}).
 */
public final class ErrorJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorJson() {}

  public static Map<String, Object> body(String type, String field, String chinese, String english) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    // what the webapps show a person: Chinese only (the English is in reasonEn and the logs)
    body.put("message", chinese);
    body.put("field", field);
    body.put("reason", chinese);
    body.put("reasonEn", english);
    return body;
  }

  public static String of(String type, String field, String chinese, String english) {
    try {
      return MAPPER.writeValueAsString(body(type, field, chinese, english));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers the request with this error, as JSON in UTF-8. */
  public static void write(HttpServletResponse response, int status, String type, String field, String chinese,
      String english) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(of(type, field, chinese, english));
  }
}
