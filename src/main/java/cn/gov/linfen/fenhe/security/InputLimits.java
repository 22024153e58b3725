package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limits of the database that a request must meet before it reaches the engine or the platform:
 * each a refusal naming the field (a variable's name where the value is a variable), in Chinese and
 * English. Plain logic over the request's JSON.
 *
 * <ul>
 *   <li>no NUL character in any text or name (PostgreSQL refuses it in text columns);
 *   <li>text at most {@value #MAX_TEXT} characters (the engine's text columns), except the value of
 *       a variable of a type the engine stores as bytes (Json, Xml, Object, Bytes, File);
 *   <li>a variable's name at most {@value #MAX_NAME} characters, without control characters;
 *   <li>a business key at most {@value #MAX_BUSINESS_KEY} characters, without control characters;
 *   <li>a variable of type Json holds JSON;
 *   <li>a number is finite and at most {@value #MAX_NUMBER} in magnitude (a double beyond 2^53 is
 *       no longer exact: no amount, area or count of a procedure comes near).
 * </ul>
 */
public final class InputLimits {

  public static final int MAX_TEXT = 4000;
  public static final int MAX_NAME = 255;
  public static final int MAX_BUSINESS_KEY = 255;
  public static final double MAX_NUMBER = 1e15;

  /** Keys whose object maps variable names to {@code {value, type}}. */
  static final Set<String> VARIABLE_MAPS =
      Set.of(
          "variables",
          "localVariables",
          "processVariables",
          "modifications",
          "correlationKeys",
          "localCorrelationKeys",
          "processVariablesLocal",
          "processVariablesToTriggeredScope");

  /** Variable types the engine stores as bytes: their value may be long. */
  static final Set<String> BYTE_TYPES = Set.of("json", "xml", "object", "bytes", "file");

  private static final ObjectMapper JSON = new ObjectMapper();

  private InputLimits() {}

  /** A refused input. */

  /** The first limit the request body breaks, if any. */
  public static Optional<FieldError> check(JsonNode body) {
    return Optional.ofNullable(node(body, "body"));
  }

  /** The first limit a query parameter breaks, if any. */
  public static Optional<FieldError> parameter(String name, String value) {
    if (has(name, '\0') || has(value, '\0')) {
      return Optional.of(nul(name));
    }
    return Optional.empty();
  }

  private static FieldError node(JsonNode node, String field) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        if (has(key, '\0')) {
          return nul(field);
        }
        FieldError refusal =
            VARIABLE_MAPS.contains(key) && entry.getValue().isObject()
                ? variables(entry.getValue())
                : "businessKey".equals(key)
                    ? businessKey(entry.getValue())
                    : node(entry.getValue(), key);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        FieldError refusal = node(item, field);
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

  private static FieldError variables(JsonNode variables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      if (name.length() > MAX_NAME) {
        return PlatformRefusal.VARIABLE_NAME_TOO_LONG.at(name.substring(0, 40) + "…", MAX_NAME);
      }
      if (hasControl(name)) {
        return PlatformRefusal.VARIABLE_NAME_CONTROL_CHARACTERS.at("variables");
      }
      FieldError refusal = variable(name, entry.getValue());
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static FieldError variable(String name, JsonNode variable) {
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
          return PlatformRefusal.JSON_VARIABLE_NOT_JSON.at(name);
        }
      }
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variable.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> part = it.next();
      FieldError refusal = node(part.getValue(), name);
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static FieldError businessKey(JsonNode key) {
    if (!key.isTextual()) {
      return null;
    }
    String text = key.textValue();
    if (text.length() > MAX_BUSINESS_KEY) {
      return PlatformRefusal.BUSINESS_KEY_TOO_LONG.at("businessKey", MAX_BUSINESS_KEY);
    }
    if (hasControl(text)) {
      return PlatformRefusal.BUSINESS_KEY_CONTROL_CHARACTERS.at("businessKey");
    }
    return null;
  }

  private static FieldError text(String text, String field, int max) {
    if (has(text, '\0')) {
      return nul(field);
    }
    if (text.length() > max) {
      return PlatformRefusal.VALUE_TOO_LONG.at(field, max);
    }
    return null;
  }

  private static FieldError number(JsonNode number, String field) {
    double value = number.doubleValue();
    if (!Double.isFinite(value) || Math.abs(value) > MAX_NUMBER) {
      return PlatformRefusal.NUMBER_OUT_OF_RANGE.at(field);
    }
    return null;
  }

  private static FieldError nul(String field) {
    return PlatformRefusal.TEXT_CONTAINS_NUL.at(field);
  }

  private static boolean has(String text, char c) {
    return text != null && text.indexOf(c) >= 0;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
