package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  void P3_R07_accepts_codes_with_a_valid_gb32100_check_character() {
    assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    assertThat(CreditCode.isValid("91141000MA0KABCD1W")).isTrue();
    assertThat(CreditCode.isValid("91110000100000000R")).isTrue();
  }

  @Test
  void P3_R07_refuses_a_wrong_check_character_a_wrong_length_or_a_letter_outside_the_alphabet() {
    assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
    assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
    assertThat(CreditCode.isValid("91350100M000100I43")).isFalse(); // I is not used
    assertThat(CreditCode.isValid(null)).isFalse();
  }

  @Test
  void explains_the_refusal_with_the_field_in_chinese_and_english() {
    assertThat(CreditCode.check("creditCode", "123").chinese()).contains("18");
    assertThat(CreditCode.check("creditCode", "91350100M000100Y44").english())
        .contains("check digit");
    assertThat(CreditCode.check("creditCode", "91350100M000100Y43")).isNull();
  }
}
