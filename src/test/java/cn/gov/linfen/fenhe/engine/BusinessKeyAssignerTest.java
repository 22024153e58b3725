package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessKeyAssignerTest {

  @Test
  void a_generated_key_is_made_of_the_process_initials_the_day_and_six_characters() {
    assertThat(BusinessKeyAssigner.prefix("soe-reform-fund")).isEqualTo("SRF");
    assertThat(BusinessKeyAssigner.prefix("farmland-facility-filing")).isEqualTo("FFF");
    assertThat(BusinessKeyAssigner.newKey("SRF", LocalDate.of(2026, 11, 28)))
        .matches("SRF-20261128-[2-9A-HJ-NP-Z]{6}");
    assertThat(BusinessKeyAssigner.newKey("SRF", LocalDate.of(2026, 11, 28)))
        .isNotEqualTo(BusinessKeyAssigner.newKey("SRF", LocalDate.of(2026, 11, 28)));
  }
}
