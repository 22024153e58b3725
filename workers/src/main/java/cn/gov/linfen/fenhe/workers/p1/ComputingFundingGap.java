package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.workers.common.FieldError;
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

  /** Thrown when the variables do not make a valid application (the start check let it through?). */
  public static class InvalidApplication extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    public InvalidApplication(List<FieldError> errors) {
      super("申请内容有误 / invalid application: "
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
  public Map<String, Object> compute(Map<String, Object> variables, String applicationNumber, String fallbackId) {
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
      if (amount != null || field.equals(LIQUIDATION_COST_AMOUNT) || RESETTLEMENT_ITEMS.contains(field)
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
    out.put(APPLICATION_NUMBER, applicationNumber != null && !applicationNumber.isBlank()
        ? applicationNumber : "P1-" + fallbackId);
    out.put(MISSING_ATTACHMENTS, missingAttachments(variables.get(SUBMITTED_ATTACHMENTS)));
    return out;
  }

  /** The required attachments (Art. 9(1) items 1–6) not ticked, one per line; empty when complete. */
  static String missingAttachments(Object submitted) {
    List<String> ticked = attachmentCodes(submitted);
    return SoeReformFundProcess.Attachments.REQUIRED.entrySet().stream()
        .filter(entry -> !ticked.contains(entry.getKey()))
        .map(Map.Entry::getValue)
        .collect(Collectors.joining("\n"));
  }

  /** The ticked codes of the checklist: a list, or its JSON text (Camunda stores it as JSON). */
  static List<String> attachmentCodes(Object submitted) {
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
      // not a list: nothing ticked
    }
    return codes;
  }
}
