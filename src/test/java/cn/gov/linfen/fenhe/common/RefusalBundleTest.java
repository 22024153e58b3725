package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.procedures.p1.P1Refusal;
import cn.gov.linfen.fenhe.procedures.p2.P2Refusal;
import cn.gov.linfen.fenhe.procedures.p3.P3Refusal;
import cn.gov.linfen.fenhe.procedures.p4.P4Refusal;
import cn.gov.linfen.fenhe.procedures.p5.P5Refusal;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import cn.gov.linfen.fenhe.workbench.actions.ActionRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The refusal bundles ({@code src/main/resources/refusals/*.properties}) and their enums: every
 * constant has its Chinese and English text, no text is without its constant, every constant is
 * used, and the Chinese texts are Chinese.
 */
class RefusalBundleTest {

  /** One enum per part, each with its bundle. */
  static final List<Class<? extends Enum<?>>> PARTS =
      List.of(
          CommonRefusal.class,
          PlatformRefusal.class,
          P1Refusal.class,
          P2Refusal.class,
          P3Refusal.class,
          P4Refusal.class,
          P5Refusal.class,
          cn.gov.linfen.fenhe.workbench.WorkbenchRefusal.class,
          ActionRefusal.class);

  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  /** A program's name in a Chinese text: camelCase, dotted or with an underscore. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("\\b[a-z]+[A-Z]\\w*|\\b\\w+_\\w+|\\b[a-z]+\\.[a-z]+\\w*");

  /**
   * The procedures' texts are read by applicants and officers: no Latin words at all (GB, as in GB
   * 32100, aside).
   */
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");

  /**
   * Texts that name what the person writes: the keys of the calendar file's JSON (administrators).
   */
  private static final Set<String> NAMING_INPUT_KEYS = Set.of("platform: not.an.object");

  static List<RefusalText> constants(Class<? extends Enum<?>> part) {
    return Stream.of(part.getEnumConstants()).map(RefusalText.class::cast).toList();
  }

  @Test
  void a_reason_replaces_its_arguments_as_text() {
    Reason reason = P1Refusal.REQUESTED_AMOUNT_EXCEEDS_FUNDING_GAP.reason("600000.01", "600000.00");
    assertThat(reason.chinese()).startsWith("申请金额 600000.01 元超过资金缺口 600000.00 元");
    assertThat(reason.english())
        .startsWith("the requested amount 600000.01 exceeds the funding gap 600000.00");
    FieldError error = CommonRefusal.FIELD_REQUIRED.at("accountName", "户名", "accountName");
    assertThat(error).isEqualTo(new FieldError("accountName", "户名必填", "accountName is required"));
    // numbers as Java writes them (no digit grouping), apostrophes kept (no MessageFormat quoting)
    assertThat(PlatformRefusal.BUSINESS_KEY_TOO_LONG.reason(12345).chinese())
        .isEqualTo("案件编号不能超过 12345 个字符");
    assertThat(CommonRefusal.COUNTY_UNKNOWN.reason().english()).contains("Linfen's 17 counties");
    assertThat(RefusalBundle.format("{0} {1} {0}", "a", 2)).isEqualTo("a 2 a");
    assertThat(RefusalBundle.format("{x} {}", "a")).isEqualTo("{x} {}");
    assertThatThrownBy(() -> RefusalBundle.format("{1}", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RefusalBundle.reason("p1", "no.such.key"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_reason_is_typed_and_its_two_texts_are_never_joined_to_be_split() {
    Reason reason = CommonRefusal.AMOUNT_NEGATIVE.reason();
    assertThat(reason.labelled("拨付金额").at("cityPaidAmount"))
        .isEqualTo(new FieldError("cityPaidAmount", "拨付金额金额不能为负数", "must not be negative"));
    assertThat(reason).hasToString("金额不能为负数 / must not be negative");
  }

  @Test
  void every_constant_has_both_texts_and_every_text_its_constant() {
    for (Class<? extends Enum<?>> part : PARTS) {
      List<RefusalText> constants = constants(part);
      String bundle = constants.get(0).bundle();
      Set<String> expected = new TreeSet<>();
      for (RefusalText text : constants) {
        assertThat(text.bundle()).isEqualTo(bundle);
        expected.add(text.key() + RefusalBundle.ZH);
        expected.add(text.key() + RefusalBundle.EN);
      }
      assertThat(RefusalBundle.keys(bundle))
          .as("refusals/%s.properties", bundle)
          .isEqualTo(expected);
      for (String key : expected) {
        assertThat(RefusalBundle.text(bundle, key)).as(bundle + ": " + key).isNotBlank();
      }
    }
  }

  @Test
  void the_chinese_texts_are_chinese_and_name_no_program_identifier() {
    List<String> problems = new ArrayList<>();
    for (Class<? extends Enum<?>> part : PARTS) {
      for (RefusalText text : constants(part)) {
        String chinese =
            RefusalBundle.text(text.bundle(), text.key() + RefusalBundle.ZH)
                .replaceAll("\\{\\d+}", "");
        if (!CJK.matcher(chinese).find()
            || IDENTIFIER.matcher(chinese).find()
                && !NAMING_INPUT_KEYS.contains(text.bundle() + ": " + text.key())) {
          problems.add(text.bundle() + ": " + text.key() + " = " + chinese);
        }
        boolean procedure = text.bundle().matches("p\\d+");
        if (procedure && LATIN_WORD.matcher(chinese.replace("GB", "")).find()) {
          problems.add(text.bundle() + ": " + text.key() + " = " + chinese);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void every_constant_is_used_by_the_code() throws IOException {
    String code = sources(Path.of("src/main/java"), Path.of("workers/src/main/java"));
    List<String> unused = new ArrayList<>();
    for (Class<? extends Enum<?>> part : PARTS) {
      for (RefusalText text : constants(part)) {
        Pattern use = Pattern.compile("\\b" + part.getSimpleName() + "\\." + text.name() + "\\b");
        if (!use.matcher(code).find()) {
          unused.add(part.getSimpleName() + "." + text.name());
        }
      }
    }
    assertThat(unused).isEmpty();
  }

  private static String sources(Path... roots) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
