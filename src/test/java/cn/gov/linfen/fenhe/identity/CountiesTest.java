package cn.gov.linfen.fenhe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.common.County;
import org.junit.jupiter.api.Test;

class CountiesTest {

  @Test
  void there_are_the_17_counties_cities_and_districts_of_linfen() {
    assertThat(County.values()).hasSize(17);
    assertThat(County.of("尧都区")).contains(County.YAODU);
    assertThat(County.of("汾西县")).contains(County.FENXI);
    assertThat(County.of("houma")).contains(County.HOUMA);
    assertThat(County.of("北京市")).isEmpty();
  }

  @Test
  void X_R03_a_county_step_is_offered_to_the_county_group_of_its_role() {
    assertThat(new Counties().group("county-industry-it", "尧都区"))
        .isEqualTo("county-industry-it-yaodu");
    assertThat(new Counties().group("township-government", "隰县"))
        .isEqualTo("township-government-xixian");
    assertThatThrownBy(() -> new Counties().group("finance-bureau", "尧都区"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Counties().group("county-finance", "不存在县"))
        .hasMessageContaining("unknown county");
  }

  @Test
  void the_start_check_names_the_field_when_the_county_is_unknown() {
    assertThat(County.check("county", "尧都区")).isNull();
    assertThat(County.check("county", "北京市").field()).isEqualTo("county");
    assertThat(County.check("county", null).chinese()).contains("17");
  }
}
