package cn.gov.linfen.fenhe.procedures.p1;

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
    variables.put(
        "materialTypes",
        "[\"application-report\",\"reform-plan\",\"leading-group-approval\","
            + "\"audit-reports\",\"cost-estimate\",\"asset-realization-table\",\"creditors-meeting-resolution\"]");

    Map<String, Object> out = computing.compute(variables, "SOE-2026-001", "pi");

    assertThat(out)
        .containsEntry("requestedAmount", "600000.00")
        .containsEntry("fundingGap", "600000.00")
        .containsEntry("resettlementCostAmount", "500000.00")
        .containsEntry("hasLiquidationCosts", true)
        .containsEntry("hasResettlementCosts", true)
        .containsEntry("applicationNumber", "SOE-2026-001")
        .containsEntry("assetRealization", "400000.00")
        .containsEntry("landProceeds", "900000.00")
        .containsEntry("economicCompensation", "500000.00")
        .containsEntry("owedWages", "0.00")
        .containsEntry("employeeCount", 120)
        .containsEntry("missingAttachments", "");
  }

  @Test
  void P1_R03_lists_the_required_materials_not_handed_in() {
    assertThat(ComputingFundingGap.missingAttachments(List.of("application-report", "other")))
        .contains("（2）", "（6）")
        .doesNotContain("（1）", "（7）");
    assertThat(ComputingFundingGap.missingAttachments(null).split("\n")).hasSize(6);
  }

  @Test
  void
      P1_R17_who_approved_the_costs_is_recorded_and_a_bankruptcy_lacks_the_resolution_as_a_material() {
    Map<String, Object> bankruptcy = ApplicationCheckTest.valid();
    bankruptcy.put(
        "materialTypes",
        List.of(
            "application-report",
            "reform-plan",
            "leading-group-approval",
            "audit-reports",
            "cost-estimate",
            "asset-realization-table"));
    Map<String, Object> out = computing.compute(bankruptcy, "SOE-2026-002", "pi");
    assertThat(out)
        .containsEntry("costApprovalBody", "CREDITORS_MEETING")
        .containsEntry(
            "missingAttachments",
            SoeReformFundProcess.Attachments.CREDITORS_MEETING_RESOLUTION_LABEL);
    assertThat((String) out.get("costApprovalNote"))
        .contains("债权人会议审议表决通过", "2026年5月8日第二次债权人会议表决通过");

    Map<String, Object> liquidation = ApplicationCheckTest.valid();
    liquidation.put("reformType", "LIQUIDATION");
    liquidation.put("materialTypes", bankruptcy.get("materialTypes"));
    out = computing.compute(liquidation, "SOE-2026-003", "pi");
    assertThat(out)
        .containsEntry("costApprovalBody", "SUPERVISING_DEPARTMENT")
        .containsEntry("missingAttachments", "");
    assertThat((String) out.get("costApprovalNote")).contains("报企业主管部门确定");

    liquidation.put("liquidationCostAmount", "0");
    out = computing.compute(liquidation, "SOE-2026-004", "pi");
    assertThat(out.get("costApprovalBody")).isNull();
    assertThat((String) out.get("costApprovalNote")).contains("未申请清算费用");
  }

  @Test
  void an_application_without_business_key_gets_a_number_and_an_invalid_one_is_an_incident() {
    assertThat(computing.compute(ApplicationCheckTest.valid(), null, "abc"))
        .containsEntry("applicationNumber", "P1-abc");
    Map<String, Object> invalid = ApplicationCheckTest.valid();
    invalid.put("reformType", "X");
    assertThatThrownBy(() -> computing.compute(invalid, "k", "pi"))
        .isInstanceOf(ComputingFundingGap.InvalidApplication.class)
        .hasMessageContaining("reformType");
  }
}
