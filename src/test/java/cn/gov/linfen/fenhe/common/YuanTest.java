package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class YuanTest {

  @Test
  void amounts_are_exact_decimals_whatever_the_json_type() {
    assertThat(Yuan.parse(499999.99)).isEqualByComparingTo("499999.99");
    assertThat(Yuan.parse("499,999.99")).isEqualByComparingTo("499999.99");
    assertThat(Yuan.parse(500000)).isEqualByComparingTo("500000");
    assertThat(Yuan.parse(500000L)).isEqualByComparingTo("500000");
    assertThat(Yuan.parse(" 12.5 ")).isEqualByComparingTo("12.50");
    assertThat(Yuan.parse(null)).isNull();
    assertThat(Yuan.parse("")).isNull();
    assertThat(Yuan.orZero(null)).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void X_R04_a_negative_a_non_numeric_or_a_sub_fen_amount_has_a_reason() {
    assertThat(Yuan.problem("-0.01").chinese()).contains("负数");
    assertThat(Yuan.problem("五百万").chinese()).contains("不是有效的金额数字");
    assertThat(Yuan.problem("1e5").chinese()).contains("不是有效的金额数字");
    assertThat(Yuan.problem(Double.NaN).chinese()).contains("不是有效的金额数字");
    assertThat(Yuan.problem("0.001").chinese()).contains("两位小数");
    assertThat(Yuan.problem("0.10")).isNull();
    assertThat(Yuan.problem(null)).isNull();
    assertThatThrownBy(() -> Yuan.parse(Boolean.TRUE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonical_text_has_two_decimals_and_people_read_wan() {
    assertThat(Yuan.format(new BigDecimal("500000"))).isEqualTo("500000.00");
    assertThat(Yuan.format(new BigDecimal("499999.99"))).isEqualTo("499999.99");
    assertThat(Yuan.inWan(new BigDecimal("499999.99"))).isEqualTo("49.999999 万元");
    assertThat(Yuan.inWan(new BigDecimal("500000.00"))).isEqualTo("50 万元");
  }
}
