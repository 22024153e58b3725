package cn.gov.linfen.fenhe.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Chinese label a person sees for a variable, taken from the forms ({@code forms/**}: a field's
 * key is the variable's name), so that a refusal reads "申请金额：必填", never "必填" alone or the
 * variable's name.
 */
public final class FieldLabels {

  private static volatile Map<String, String> labels;

  private FieldLabels() {}

  /** The reason with the field's label before it, unless the reason already names it. */
  public static String withLabel(String field, String reason) {
    String label = labels().get(field);
    if (label == null || reason == null || reason.contains(label)) {
      return reason;
    }
    return label + "：" + reason;
  }

  /** The Chinese label of a variable that some form asks for, if any. */
  public static Optional<String> label(String field) {
    return Optional.ofNullable(labels().get(field));
  }

  static Map<String, String> labels() {
    Map<String, String> known = labels;
    if (known == null) {
      known = load();
      labels = known;
    }
    return known;
  }

  private static Map<String, String> load() {
    Map<String, String> found = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form :
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in), found);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the forms cannot be read", e);
    }
    return Map.copyOf(found);
  }

  private static void collect(JsonNode node, Map<String, String> found) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, found));
    } else if (node.isObject()) {
      if (node.hasNonNull("key")
          && node.hasNonNull("label")
          && !node.get("label").asText().isBlank()) {
        found.putIfAbsent(
            node.get("key").asText(),
            node.get("label").asText().replaceAll("[（(][^）)]*[）)]$", "").strip());
      }
      node.forEach(child -> collect(child, found));
    }
  }
}
