package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

  static final Pattern DIGITS = Pattern.compile("^[0-9][0-9 -]{5,39}$");

  static List<FieldError> pattern(Object value) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> variables = new HashMap<>();
    variables.put("accountNumber", value);
    FieldChecks.pattern(errors, variables, "accountNumber", "账号", DIGITS);
    return errors;
  }

  @Test
  void a_field_of_a_format_is_text_a_number_is_refused_not_read_as_text() {
    assertThat(pattern("6222 0211 2345 6789")).isEmpty();
    assertThat(pattern(6222021123456789L))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("accountNumber");
              assertThat(error.chinese()).isEqualTo("账号须按文字填写（不能是数字或其他类型）");
              assertThat(error.english()).isEqualTo("accountNumber must be text");
            });
    assertThat(pattern(6.222021123456789E18)).hasSize(1);
    assertThat(pattern(null)).extracting(FieldError::chinese).containsExactly("账号必填");
  }
}
