package cn.gov.linfen.fenhe.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a person reads in every form (P1, P2, P3 and the shared 督办 form) is Chinese (issue 17, house
 * rules): no English words, no variable names (the forms' own keys), no element ids of the models,
 * no product or API names, no code-like periods ({@code 2026-H2}). Walks every text a form shows:
 * labels, texts, descriptions, placeholders, option and column labels, adorners. FEEL templates
 * ({@code {{…}}}) are evaluated by the form and stripped; "GB" (the national standard's prefix, GB
 * 32100) is the one Latin word allowed. Extends the logic of ../shared/tools/check-forms-zh.
 */
class FormsInChineseTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT_KEYS =
      Set.of(
          "label",
          "text",
          "description",
          "placeholder",
          "dateLabel",
          "timeLabel",
          "prefixAdorner",
          "suffixAdorner");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
  private static final Set<String> ALLOWED = Set.of("GB");
  private static final Pattern ID = Pattern.compile("id=\"([A-Za-z]+_[A-Za-z0-9_]+)\"");

  static List<Path> forms() throws IOException {
    List<Path> forms = new ArrayList<>();
    try (Stream<Path> files =
        Files.walk(Path.of("forms"))) { // every procedure's forms and the shared ones
      files.filter(f -> f.toString().endsWith(".form")).sorted().forEach(forms::add);
    }
    return forms;
  }

  /** Every text of a form a person reads, FEEL templates stripped. */
  static List<String> visibleTexts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    collect(node, texts);
    return texts.stream().map(t -> t.replaceAll("\\{\\{[^}]*}}", "")).toList();
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (TEXT_KEYS.contains(field.getKey()) && field.getValue().isTextual()) {
                  texts.add(field.getValue().asText());
                } else {
                  collect(field.getValue(), texts);
                }
              });
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, texts));
    }
  }

  /** The keys of every form field: the process variable names. */
  static Set<String> variableNames(List<JsonNode> forms) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode form : forms) {
      form.findValues("key")
          .forEach(
              key -> {
                if (key.isTextual() && key.asText().length() > 2) {
                  keys.add(key.asText());
                }
              });
    }
    return keys;
  }

  /** The element ids of every model (UserTask_…, Gateway_…, Flow_…). */
  static Set<String> elementIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String folder : List.of("processes")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
          Matcher matcher = ID.matcher(Files.readString(file));
          while (matcher.find()) {
            ids.add(matcher.group(1));
          }
        }
      }
    }
    return ids;
  }

  @Test
  void
      every_text_of_the_p1_p3_and_follow_up_forms_is_chinese_without_english_words_variable_names_or_element_ids()
          throws IOException {
    List<Path> files = forms();
    assertThat(files).hasSizeGreaterThan(25);
    List<JsonNode> forms = new ArrayList<>();
    for (Path file : files) {
      forms.add(JSON.readTree(file.toFile()));
    }
    Set<String> variables = variableNames(forms);
    Set<String> ids = elementIds();
    assertThat(variables).contains("reformType", "periodLabel", "salesChannelNote");
    assertThat(ids).contains("UserTask_LeaderConsent", "UserTask_CountyReview");

    List<String> problems = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      List<String> texts = visibleTexts(forms.get(i));
      assertThat(texts).as(files.get(i) + " shows texts").isNotEmpty();
      for (String text : texts) {
        Matcher latin = LATIN_WORD.matcher(text);
        while (latin.find()) {
          if (!ALLOWED.contains(latin.group())) {
            problems.add(files.get(i) + ": English or code \"" + latin.group() + "\" in: " + text);
          }
        }
        for (String variable : variables) {
          if (text.contains(variable)) {
            problems.add(files.get(i) + ": variable name \"" + variable + "\" in: " + text);
          }
        }
        for (String id : ids) {
          if (text.contains(id)) {
            problems.add(files.get(i) + ": element id \"" + id + "\" in: " + text);
          }
        }
        if (text.matches("(?s).*(Camunda|接口|\\d{4}-H[12]|期限已过).*")) {
          problems.add(
              files.get(i)
                  + ": product, API, code-like period or a wrong deadline word in: "
                  + text);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void the_walk_finds_what_it_must_refuse() {
    JsonNode bad =
        JSON.valueToTree(
            java.util.Map.of(
                "components",
                List.of(
                    java.util.Map.of(
                        "label",
                        "申报期 2026-H2",
                        "values",
                        List.of(java.util.Map.of("label", "破产 (BANKRUPTCY)"))),
                    java.util.Map.of("text", "通过接口上传 {{if x then \"a\" else \"b\"}}"))));
    List<String> texts = visibleTexts(bad);
    assertThat(texts).containsExactlyInAnyOrder("申报期 2026-H2", "破产 (BANKRUPTCY)", "通过接口上传 ");
    assertThat(texts).anyMatch(t -> LATIN_WORD.matcher(t).find());
  }
}
