package cn.gov.linfen.fenhe.procedures.p2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.time.EngineClock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who inspects (P2-R09): townships from configuration, all 17 counties, the quarter's first month
 * in Shanghai.
 */
class FarmlandInspectionsTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void one_inspection_per_configured_township_in_county_order() {
    Map<String, List<String>> config = new LinkedHashMap<>();
    config.put("houma", List.of("上马街道", " 新田乡 ", "新田乡"));
    config.put("尧都区", List.of("屯里镇"));
    FarmlandInspections inspections =
        new FarmlandInspections(config, TestClock.of(new EngineClock()));

    assertThat(inspections.townships()).containsExactly("尧都区/屯里镇", "侯马市/上马街道", "侯马市/新田乡");
    assertThat(inspections.counties()).hasSize(17).startsWith("尧都区", "侯马市").endsWith("汾西县");
    assertThat(new FarmlandInspections(Map.of(), TestClock.of(new EngineClock())).townships())
        .isEmpty();
  }

  @Test
  void a_configuration_naming_an_unknown_county_or_a_bad_name_stops_the_start() {
    assertThatThrownBy(
            () ->
                new FarmlandInspections(
                    Map.of("taiyuan", List.of("某镇")), TestClock.of(new EngineClock())))
        .hasMessageContaining("unknown county taiyuan");
    assertThatThrownBy(
            () ->
                new FarmlandInspections(
                    Map.of("yaodu", List.of("屯里/镇")), TestClock.of(new EngineClock())))
        .hasMessageContaining("may not contain /");
  }

  @Test
  void the_joint_county_round_runs_in_january_april_july_and_october_in_shanghai() {
    FarmlandInspections inspections =
        new FarmlandInspections(Map.of(), TestClock.of(new EngineClock()));
    for (String month : List.of("01", "04", "07", "10")) {
      ClockUtil.setCurrentTime(
          Date.from(OffsetDateTime.parse("2027-" + month + "-01T09:00:00+08:00").toInstant()));
      assertThat(inspections.quarterStart()).as(month).isTrue();
    }
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-02-01T09:00:00+08:00").toInstant()));
    assertThat(inspections.quarterStart()).isFalse();
    // 1 April 00:30 in Shanghai is still 31 March in UTC: Shanghai decides
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-04-01T00:30:00+08:00").toInstant()));
    assertThat(inspections.quarterStart()).isTrue();
  }
}
