package cn.gov.linfen.fenhe.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogues are checked at start: a mistake names the file and the key. */
class CatalogueLoaderTest {

  static final Map<String, Map<String, String>> STEPS =
      Map.of("p", Map.of("StartEvent_A", "start", "UserTask_B", "task"));

  static Catalogue.Procedure parse(String yaml) {
    return CatalogueLoader.parse(
        "processes/p/materials.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        STEPS);
  }

  static String entry(String step, String formats) {
    return "process: p\nmaterials:\n  - type: plan\n    name: 方案\n    article: 二\n    required: true\n"
        + "    step: "
        + step
        + "\n    addedBy: [applicant]\n    formats: "
        + formats
        + "\n";
  }

  @Test
  void the_shipped_catalogues_load_and_match_their_models() {
    Catalogue catalogue = CatalogueLoader.load(List.of("classpath*:processes/*/*-materials.yaml"));
    assertThat(catalogue.processKeys())
        .containsExactlyInAnyOrder(
            "soe-reform-fund", "farmland-facility-filing", "scrap-steel-reward");
    Catalogue.Procedure p1 = catalogue.of("soe-reform-fund").orElseThrow();
    assertThat(p1.atStart().stream().filter(MaterialType::required).map(MaterialType::type))
        .containsExactly(
            "application-report",
            "reform-plan",
            "leading-group-approval",
            "audit-reports",
            "cost-estimate",
            "asset-realization-table");
    assertThat(
            catalogue
                .of("farmland-facility-filing")
                .orElseThrow()
                .requiredAt("UserTask_PostNotice"))
        .extracting(MaterialType::type)
        .containsExactly("notice-photo");
  }

  @Test
  void a_valid_entry_is_read() {
    Catalogue.Procedure procedure = parse(entry("StartEvent_A", "[pdf, png]"));
    assertThat(procedure.startSteps()).containsExactly("StartEvent_A");
    assertThat(procedure.type("plan").orElseThrow().formats())
        .containsExactly(Format.PDF, Format.PNG);
  }

  @Test
  void an_unknown_step_stops_the_start_naming_the_file_and_the_key() {
    assertThatThrownBy(() -> parse(entry("UserTask_Nowhere", "[pdf]")))
        .hasMessageContaining("processes/p/materials.yaml")
        .hasMessageContaining("materials[0].step")
        .hasMessageContaining("UserTask_Nowhere");
  }

  @Test
  void an_unknown_format_stops_the_start_naming_the_file_and_the_key() {
    assertThatThrownBy(() -> parse(entry("StartEvent_A", "[pdf, tiff]")))
        .hasMessageContaining("processes/p/materials.yaml")
        .hasMessageContaining("materials[0].formats")
        .hasMessageContaining("tiff");
  }

  @Test
  void an_unknown_process_and_a_missing_key_stop_the_start() {
    assertThatThrownBy(
            () -> parse(entry("StartEvent_A", "[pdf]").replace("process: p", "process: q")))
        .hasMessageContaining("process")
        .hasMessageContaining("q");
    assertThatThrownBy(() -> parse(entry("StartEvent_A", "[pdf]").replace("    name: 方案\n", "")))
        .hasMessageContaining("materials[0].name");
  }
}
