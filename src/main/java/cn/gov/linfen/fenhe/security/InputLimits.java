package cn.gov.linfen.fenhe.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limits of the database that a request must meet before it reaches the engine or the
 * platform: each a refusal naming the field (a variable's name where the value is a variable),
 * in Chinese and English. Plain logic over the request's JSON.
 *
 * <ul>
 *   <li>no NUL character in any text or name (PostgreSQL refuses it in text columns);
 *   <li>text at most {@value #MAX_TEXT} characters (the engine's text columns), except the value of
 *       a variable of a type the engine stores as bytes (Json, Xml, Object, Bytes, File);
 *   <li>a variable's name at most {@value #MAX_NAME} characters, without control characters;
 *   <li>a business key at most {@value #MAX_BUSINESS_KEY} characters, without control characters;
 *   <li>a variable of type Json holds JSON;
 *   <li>a number is finite and at most {@value #MAX_NUMBER} in magnitude (a double beyond 2^53
 *       is no longer exact: no amount, area or count of a procedure comes near).
 * </ul>
 */
public final class InputLimits {

  public static final int MAX_TEXT = 4000;
  public static final int MAX_NAME = 255;
  public static final int MAX_BUSINESS_KEY = 255;
  public static final double MAX_NUMBER = 1e15;

  /** Keys whose object maps variable names to {@code {value, type}}. */
  static final Set<String> VARIABLE_MAPS = Set.of("variables", "localVariables", "processVariables",
      "modifications", "correlationKeys", "localCorrelationKeys", "processVariablesLocal", "processVariablesToTriggeredScope");
  /** Variable types the engine stores as bytes: their value may be long. */
  static final Set<String> BYTE_TYPES = Set.of("json", "xml", "object", "bytes", "file");

  private static final ObjectMapper JSON = new ObjectMapper();

  private InputLimits() {}

  /** A refused input. */
  public record Refusal(String field, String chinese, String english) {}

  /** The first limit the request body breaks, if any. */
  public static Optional<Refusal> check(JsonNode body) {
    return Optional.ofNullable(node(body, "body"));
  }

  /** The first limit a query parameter breaks, if any. */
  public static Optional<Refusal> parameter(String name, String value) {
    if (has(name, '\0') || has(value, '\0')) {
      return Optional.of(nul(name));
    }
    return Optional.empty();
  }

  private static Refusal node(JsonNode node, String field) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        if (has(key, '\0')) {
          return nul(field);
        }
        Refusal refusal = VARIABLE_MAPS.contains(key) && entry.getValue().isObject()
            ? variables(entry.getValue())
            : "businessKey".equals(key) ? businessKey(entry.getValue()) : node(entry.getValue(), key);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        Refusal refusal = node(item, field);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    }
    if (node.isTextual()) {
      return text(node.textValue(), field, MAX_TEXT);
    }
    if (node.isNumber()) {
      return number(node, field);
    }
    return null;
  }

  private static Refusal variables(JsonNode variables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      if (name.length() > MAX_NAME) {
        return new Refusal(name.substring(0, 40) + "…", "变量名不能超过 " + MAX_NAME + " 个字符",
            "a variable name may have at most " + MAX_NAME + " characters");
      }
      if (hasControl(name)) {
        return new Refusal("variables", "变量名不能包含控制字符", "a variable name may not contain control characters");
      }
      Refusal refusal = variable(name, entry.getValue());
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static Refusal variable(String name, JsonNode variable) {
    if (!variable.isObject()) {
      return node(variable, name);
    }
    String type = variable.path("type").asText("").toLowerCase();
    JsonNode value = variable.get("value");
    if (value != null && value.isTextual() && BYTE_TYPES.contains(type)) {
      if (has(value.textValue(), '\0') && !"bytes".equals(type) && !"file".equals(type)) {
        return nul(name);
      }
      if ("json".equals(type)) {
        try {
          JSON.readTree(value.textValue());
        } catch (JsonProcessingException e) {
          return new Refusal(name, "JSON 类型变量的值不是有效的 JSON", "the value of a Json variable is not valid JSON");
        }
      }
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variable.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> part = it.next();
      Refusal refusal = node(part.getValue(), name);
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static Refusal businessKey(JsonNode key) {
    if (!key.isTextual()) {
      return null;
    }
    String text = key.textValue();
    if (text.length() > MAX_BUSINESS_KEY) {
      return new Refusal("businessKey", "案件编号不能超过 " + MAX_BUSINESS_KEY + " 个字符",
          "a business key may have at most " + MAX_BUSINESS_KEY + " characters");
    }
    if (hasControl(text)) {
      return new Refusal("businessKey", "案件编号不能包含控制字符", "a business key may not contain control characters");
    }
    return null;
  }

  private static Refusal text(String text, String field, int max) {
    if (has(text, '\0')) {
      return nul(field);
    }
    if (text.length() > max) {
      return new Refusal(field, "内容过长：不能超过 " + max + " 个字符", "too long: at most " + max + " characters");
    }
    return null;
  }

  private static Refusal number(JsonNode number, String field) {
    double value = number.doubleValue();
    if (!Double.isFinite(value) || Math.abs(value) > MAX_NUMBER) {
      return new Refusal(field, "数值超出合理范围（绝对值不超过 10 的 15 次方）", "number out of range (at most 1e15 in magnitude)");
    }
    return null;
  }

  private static Refusal nul(String field) {
    return new Refusal(field, "内容不能包含空字符（\\u0000）", "text may not contain the NUL character");
  }

  private static boolean has(String text, char c) {
    return text != null && text.indexOf(c) >= 0;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
