package cn.gov.linfen.fenhe.workers.p1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputingFundingGapTest {

  final ComputingFundingGap computing = new ComputingFundingGap(new ApplicationCheck());

  @Test
  void P1_R02_computes_the_request_the_gap_and_the_categories_in_canonical_yuan() {
    Map<String, Object> variables = ApplicationCheckTest.valid();
    variables.put("submittedAttachments", "[\"APPLICATION_REPORT\",\"REFORM_PLAN\",\"LEADING_GROUP_APPROVAL\","
        + "\"AUDIT_REPORTS\",\"COST_ESTIMATE\",\"ASSET_REALIZATION_TABLE\"]");

    Map<String, Object> out = computing.compute(variables, "SOE-2026-001", "pi");

    assertThat(out).containsEntry("requestedAmount", "600000.00").containsEntry("fundingGap", "600000.00")
        .containsEntry("resettlementCostAmount", "500000.00").containsEntry("hasLiquidationCosts", true)
        .containsEntry("hasResettlementCosts", true).containsEntry("applicationNumber", "SOE-2026-001")
        .containsEntry("assetRealization", "400000.00").containsEntry("landProceeds", "900000.00")
        .containsEntry("economicCompensation", "500000.00").containsEntry("owedWages", "0.00")
        .containsEntry("employeeCount", 120).containsEntry("missingAttachments", "");
  }

  @Test
  void P1_R03_lists_the_required_attachments_not_ticked() {
    assertThat(ComputingFundingGap.missingAttachments(List.of("APPLICATION_REPORT", "OTHER")))
        .contains("（2）", "（6）").doesNotContain("（1）", "（7）");
    assertThat(ComputingFundingGap.missingAttachments(null).split("\n")).hasSize(6);
  }

  @Test
  void an_application_without_business_key_gets_a_number_and_an_invalid_one_is_an_incident() {
    assertThat(computing.compute(ApplicationCheckTest.valid(), null, "abc")).containsEntry("applicationNumber", "P1-abc");
    Map<String, Object> invalid = ApplicationCheckTest.valid();
    invalid.put("reformType", "X");
    assertThatThrownBy(() -> computing.compute(invalid, "k", "pi")).isInstanceOf(ComputingFundingGap.InvalidApplication.class)
        .hasMessageContaining("reformType");
  }
}
