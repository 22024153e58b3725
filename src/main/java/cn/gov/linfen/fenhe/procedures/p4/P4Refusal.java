package cn.gov.linfen.fenhe.procedures.p4;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * The refusal texts of P4 (民用煤煤质抽检): the round's start check, the tasks' checks, the seller
 * register and the coverage. The texts, Chinese and English side by side, are in {@code
 * src/main/resources/refusals/p4.properties}.
 */
public enum P4Refusal implements RefusalText {
  SAMPLING_MONTH_INVALID,
  COUNTY_PLAN_EXISTS,
  DRAW_SEED_INVALID,
  ADDED_SELLERS_NOT_TEXT,
  ADDED_SELLER_INVALID,
  ADDED_SELLER_NOT_REGISTERED,
  COAL_TYPE_UNKNOWN,
  QUANTITY_INVALID,
  SAMPLING_OUTCOME_REQUIRED,
  PERCENT_REQUIRED,
  PERCENT_OUT_OF_RANGE,
  REPORT_BEFORE_SAMPLING,
  DELIVERY_BEFORE_REPORT,
  SALE_VIOLATION_REQUIRED,
  YES_OR_NO,
  CLOSURE_DECISION_REQUIRED,
  CLOSURE_OPINION_REQUIRED,
  DATE_INVALID,
  DATE_IN_FUTURE,
  REGISTER_COUNTY_UNKNOWN,
  REGISTER_READ_DENIED,
  REGISTER_KEEP_DENIED,
  SELLER_REGISTERED_ALREADY,
  SELLER_NOT_REGISTERED,
  SELLER_COUNTY_CANNOT_CHANGE,
  SELLER_NAME_INVALID,
  SELLER_KIND_UNKNOWN,
  SELLER_ZONE_UNKNOWN,
  SELLER_ADDRESS_TOO_LONG,
  INPUT_NOT_TEXT,
  COVERAGE_READ_DENIED,
  COVERAGE_MONTH_INVALID;

  @Override
  public String bundle() {
    return "p4";
  }
}
