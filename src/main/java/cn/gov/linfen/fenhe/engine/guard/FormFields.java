package cn.gov.linfen.fenhe.engine.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form lets a person fill in — the variables a step "owns" — with the kind of
 * value each takes. A field that is disabled or read-only is shown, not owned. Plain logic: no
 * engine.
 */
public final class FormFields {

  /** The kind of value a field submits. */
  public enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    LIST,
    CHOICE,
    ANY
  }

  /** One owned field: its kind and, for a choice, the values offered. */
  public record Field(String key, String label, Kind kind, Set<Object> options) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FormFields NONE = new FormFields(Map.of());

  private final Map<String, Field> owned;

  private FormFields(Map<String, Field> owned) {
    this.owned = owned;
  }

  public static FormFields none() {
    return NONE;
  }

  /** The fields of a form given as the JSON of a {@code .form} file. */
  public static FormFields parse(InputStream form) throws IOException {
    Map<String, Field> owned = new LinkedHashMap<>();
    collect(JSON.readTree(form), owned);
    return new FormFields(owned);
  }

  /** Fields declared otherwise (e.g. a step's declared outputs), of any kind. */
  public FormFields with(Collection<String> names) {
    Map<String, Field> more = new LinkedHashMap<>(owned);
    names.forEach(name -> more.putIfAbsent(name, new Field(name, name, Kind.ANY, Set.of())));
    return new FormFields(more);
  }

  public boolean owns(String variable) {
    return owned.containsKey(variable);
  }

  public Field field(String variable) {
    return owned.get(variable);
  }

  public Set<String> names() {
    return owned.keySet();
  }

  private static void collect(JsonNode node, Map<String, Field> owned) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, owned));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String type = node.path("type").asText("");
    String key =
        node.has("key")
            ? node.get("key").asText()
            : node.has("path") && "dynamiclist".equals(type) ? node.get("path").asText() : null;
    Kind kind = kind(type, node);
    if (key != null && !key.isBlank() && kind != null && !shownOnly(node)) {
      owned.put(key, new Field(key, node.path("label").asText(key), kind, options(node)));
    }
    if (!"dynamiclist".equals(type)) {
      collect(node.get("components"), owned);
    }
  }

  private static Kind kind(String type, JsonNode node) {
    return switch (type) {
      case "textfield", "textarea", "datetime" -> Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      case "checklist", "taglist", "dynamiclist" -> Kind.LIST;
      case "radio", "select" -> node.has("values") ? Kind.CHOICE : Kind.ANY;
      case "expression" -> Kind.ANY;
      default -> null;
    };
  }

  /** Disabled or read-only for good (a read-only expression may allow input: owned). */
  private static boolean shownOnly(JsonNode node) {
    return node.path("disabled").asBoolean(false)
        || node.path("readonly").isBoolean() && node.get("readonly").asBoolean();
  }

  private static Set<Object> options(JsonNode node) {
    Set<Object> options = new LinkedHashSet<>();
    node.path("values")
        .forEach(
            option -> {
              JsonNode value = option.get("value");
              if (value != null && value.isBoolean()) {
                options.add(value.asBoolean());
              } else if (value != null && value.isNumber()) {
                options.add(value.decimalValue());
              } else if (value != null) {
                options.add(value.asText());
              }
            });
    return options;
  }

  /** Whether a submitted value is of the field's kind (null: nothing given, always of its kind). */
  public static boolean ofKind(Field field, Object value) {
    if (value == null) {
      return true;
    }
    return switch (field.kind()) {
      case TEXT -> value instanceof String;
      case NUMBER -> value instanceof Number || value instanceof String text && isNumber(text);
      case BOOLEAN -> value instanceof Boolean;
      case LIST -> value instanceof Collection<?> || value instanceof String || isJson(value);
      case CHOICE -> field.options().isEmpty() || field.options().contains(normalized(value));
      case ANY -> true;
    };
  }

  /** Whether two values are the same value (numbers by value, others by their text). */
  public static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b || a == null && "".equals(b) || b == null && "".equals(a);
    }
    if (a instanceof Number || b instanceof Number) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(b);
      return x != null && y != null && x.compareTo(y) == 0;
    }
    if (a instanceof java.util.Date da && b instanceof java.util.Date db) {
      return da.getTime() == db.getTime();
    }
    return String.valueOf(a).equals(String.valueOf(b));
  }

  private static Object normalized(Object value) {
    return value instanceof Number number
        ? decimal(number)
        : value instanceof Boolean ? value : String.valueOf(value);
  }

  private static BigDecimal decimal(Object value) {
    try {
      return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isNumber(String text) {
    return text.isBlank() || decimal(text) != null;
  }

  private static boolean isJson(Object value) {
    return value.getClass().getName().startsWith("org.camunda.spin");
  }
}
