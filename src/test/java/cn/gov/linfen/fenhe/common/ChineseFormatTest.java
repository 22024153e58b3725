package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseFormatTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "1234567.89, 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
    "0.05, 伍分",
    "0.50, 伍角整",
    "0.55, 伍角伍分",
    "0, 零元整",
    "1, 壹元整",
    "10, 壹拾元整",
    "15, 壹拾伍元整",
    "100, 壹佰元整",
    "101, 壹佰零壹元整",
    "110, 壹佰壹拾元整",
    "1001, 壹仟零壹元整",
    "1010, 壹仟零壹拾元整",
    "1000.05, 壹仟元零伍分",
    "1010.50, 壹仟零壹拾元伍角整",
    "10000, 壹万元整",
    "10001, 壹万零壹元整",
    "10010, 壹万零壹拾元整",
    "11000, 壹万壹仟元整",
    "100000, 壹拾万元整",
    "101000, 壹拾万壹仟元整",
    "100100, 壹拾万零壹佰元整",
    "500000.00, 伍拾万元整",
    "499999.99, 肆拾玖万玖仟玖佰玖拾玖元玖角玖分",
    "1000000, 壹佰万元整",
    "100000000, 壹亿元整",
    "100000001, 壹亿零壹元整",
    "100001000, 壹亿零壹仟元整",
    "100010000, 壹亿零壹万元整",
    "110000000, 壹亿壹仟万元整",
    "1000000000000, 壹万亿元整",
    "1000000010000, 壹万亿零壹万元整",
    "1000100000000, 壹万零壹亿元整",
    "1200000000000, 壹万贰仟亿元整",
    "9999999999999.99, 玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
  })
  void amounts_in_capitals(String amount, String capitals) {
    assertThat(ChineseFormat.capitals(new BigDecimal(amount))).isEqualTo(capitals);
  }

  @Test
  void capitals_refuse_negative_too_large_and_fractions_of_fen() {
    assertThatThrownBy(() -> ChineseFormat.capitals(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseFormat.capitals(new BigDecimal("10000000000000")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseFormat.capitals(new BigDecimal("0.001")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void dates_without_leading_zeros() {
    assertThat(ChineseFormat.date(LocalDate.of(2026, 12, 9))).isEqualTo("2026年12月9日");
    assertThat(ChineseFormat.date(LocalDate.of(2026, 10, 1))).isEqualTo("2026年10月1日");
  }

  @Test
  void yuan_with_two_decimals_and_wan() {
    assertThat(ChineseFormat.yuan(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80元");
    assertThat(ChineseFormat.yuan(new BigDecimal("0.05"))).isEqualTo("0.05元");
    assertThat(ChineseFormat.wan(new BigDecimal("1500000.00"))).isEqualTo("150万元");
    assertThat(ChineseFormat.wan(new BigDecimal("499999.99"))).isEqualTo("49.999999万元");
    assertThat(ChineseFormat.wan(new BigDecimal("100000"))).isEqualTo("10万元");
  }
}
