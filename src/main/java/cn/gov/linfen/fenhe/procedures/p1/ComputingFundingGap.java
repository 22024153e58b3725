package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Yuan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates an application and computes its funding figures (Art. 5): the requested amount, the
 * gap, which cost categories are present, and which required attachments were not submitted.
 * Amounts are written back in their canonical form (yuan, two decimals, as text) so that every
 * later step — decision tables included — compares exact decimals. Plain logic.
 */
public class ComputingFundingGap {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplicationCheck check;

  public ComputingFundingGap(ApplicationCheck check) {
    this.check = check;
  }

  /**
   * Thrown when the variables do not make a valid application (the start check let it through?).
   */
  public static class InvalidApplication extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    public InvalidApplication(List<FieldError> errors) {
      super(
          "申请内容有误 / invalid application: "
              + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  /**
   * The variables to write back to the case.
   *
   * @param applicationNumber the case's business key; when absent one is made from the fallback
   */
  public Map<String, Object> compute(
      Map<String, Object> variables, String applicationNumber, String fallbackId) {
    List<FieldError> errors = check.check(variables);
    if (!errors.isEmpty()) {
      throw new InvalidApplication(errors);
    }
    FundingGap gap = FundingGap.of(variables);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String field : ApplicationCheck.REQUIRED_AMOUNTS) {
      out.put(field, Yuan.format(Yuan.orZero(variables.get(field))));
    }
    for (String field : ApplicationCheck.OPTIONAL_AMOUNTS) {
      BigDecimal amount = Yuan.parse(variables.get(field));
      if (amount != null
          || field.equals(LIQUIDATION_COST_AMOUNT)
          || RESETTLEMENT_ITEMS.contains(field)
          || field.equals(LAND_PROCEEDS)) {
        out.put(field, Yuan.format(amount == null ? BigDecimal.ZERO : amount));
      }
    }
    out.put(EMPLOYEE_COUNT, ApplicationCheck.wholeNumber(variables.get(EMPLOYEE_COUNT)).intValue());
    for (String field : ApplicationCheck.COUNTS) {
      Long count = ApplicationCheck.wholeNumber(variables.get(field));
      if (count != null) {
        out.put(field, count.intValue());
      }
    }
    out.put(REQUESTED_AMOUNT, Yuan.format(gap.requested()));
    out.put(RESETTLEMENT_COST_AMOUNT, Yuan.format(gap.resettlementCosts()));
    out.put(FUNDING_GAP, Yuan.format(gap.gap()));
    out.put(HAS_LIQUIDATION_COSTS, gap.hasLiquidationCosts());
    out.put(HAS_RESETTLEMENT_COSTS, gap.hasResettlementCosts());
    out.put(
        APPLICATION_NUMBER,
        applicationNumber != null && !applicationNumber.isBlank()
            ? applicationNumber
            : "P1-" + fallbackId);
    boolean bankruptcy =
        SoeReformFundProcess.ReformTypes.BANKRUPTCY.equals(variables.get(REFORM_TYPE));
    boolean resolutionRequired = bankruptcy && gap.hasLiquidationCosts();
    out.put(
        MISSING_ATTACHMENTS,
        missingAttachments(variables.get(SUBMITTED_ATTACHMENTS), resolutionRequired));
    costApproval(out, variables, bankruptcy, gap.hasLiquidationCosts());
    return out;
  }

  /**
   * Who approved the liquidation or administrator costs (Art. 9(2)1, P1-R17): a bankrupt
   * enterprise's by the creditors' meeting ("报债权人会议审议表决通过"), a liquidation's by the supervising
   * department ("报主管部门确定", its cost review in this process). Recorded for every reviewer.
   */
  static void costApproval(
      Map<String, Object> out,
      Map<String, Object> variables,
      boolean bankruptcy,
      boolean hasLiquidationCosts) {
    if (!hasLiquidationCosts) {
      out.put(COST_APPROVAL_BODY, null);
      out.put(COST_APPROVAL_NOTE, "本次未申请清算费用或破产管理人费用");
    } else if (bankruptcy) {
      out.put(COST_APPROVAL_BODY, SoeReformFundProcess.CostApprovalBodies.CREDITORS_MEETING);
      out.put(
          COST_APPROVAL_NOTE,
          "破产管理人费用已报债权人会议审议表决通过（第九条(二)1）："
              + String.valueOf(variables.get(CREDITORS_MEETING_RESOLUTION)).trim());
    } else {
      out.put(COST_APPROVAL_BODY, SoeReformFundProcess.CostApprovalBodies.SUPERVISING_DEPARTMENT);
      out.put(COST_APPROVAL_NOTE, "清算组费用由清算组提出意见，报企业主管部门确定（第九条(二)1）：以企业主管部门的清算费用审核意见为准");
    }
  }

  /**
   * The required attachments (Art. 9(1) items 1–6) not handed in as materials, one per line; empty
   * when complete.
   */
  static String missingAttachments(Object submitted) {
    return missingAttachments(submitted, false);
  }

  /**
   * The same, and with {@code resolutionRequired} (a bankrupt enterprise applying for administrator
   * costs, P1-R17) the creditors' meeting resolution too.
   */
  static String missingAttachments(Object submitted, boolean resolutionRequired) {
    List<String> handedIn = attachmentCodes(submitted);
    List<String> missing =
        SoeReformFundProcess.Attachments.REQUIRED.entrySet().stream()
            .filter(entry -> !handedIn.contains(entry.getKey()))
            .map(Map.Entry::getValue)
            .collect(Collectors.toCollection(ArrayList::new));
    if (resolutionRequired
        && !handedIn.contains(SoeReformFundProcess.Attachments.CREDITORS_MEETING_RESOLUTION)) {
      missing.add(SoeReformFundProcess.Attachments.CREDITORS_MEETING_RESOLUTION_LABEL);
    }
    return String.join("\n", missing);
  }

  /**
   * The types of the case's materials: a list, or its JSON text (the platform keeps it as JSON).
   */
  public static List<String> attachmentCodes(Object submitted) {
    List<String> codes = new ArrayList<>();
    if (submitted == null) {
      return codes;
    }
    if (submitted instanceof Collection<?> collection) {
      collection.forEach(item -> codes.add(String.valueOf(item)));
      return codes;
    }
    try {
      JsonNode node = JSON.readTree(String.valueOf(submitted));
      if (node != null && node.isArray()) {
        node.forEach(item -> codes.add(item.asText()));
      }
    } catch (JsonProcessingException e) {
      // not a list: nothing handed in
    }
    return codes;
  }
}
