package cn.gov.linfen.fenhe.procedures.p5;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * The refusal texts of P5 (互联网+监管): its checks, controller and workers. The texts, Chinese and
 * English side by side, are in {@code src/main/resources/refusals/p5.properties}.
 */
public enum P5Refusal implements RefusalText {
  TEXT_TOO_LONG,
  TEXT_EXPECTED,
  OBJECT_CODE_INVALID,
  METHOD_UNKNOWN,
  KIND_UNKNOWN,
  INSPECTORS_REQUIRED,
  INSPECTORS_TOO_MANY,
  CERTIFICATE_NO_INVALID,
  ACTED_AT_INVALID,
  ACTED_AT_FUTURE,
  ITEM_NOT_LISTED,
  BATCH_EMPTY,
  BATCH_TOO_LARGE,
  ACT_NOT_OBJECT,
  REGULATORS_ONLY,
  OWN_COUNTY_ONLY,
  LIST_MAINTAINERS_ONLY,
  LEAD_AND_SUPERVISORS_ONLY,
  ITEM_CODE_INVALID,
  CLUE_CONFIRMED_REQUIRED,
  CLOSURE_OPINION_REQUIRED,
  CHECK_MONTH_INVALID,
  SUMMARY_READ_DENIED,
  SUMMARY_MONTH_INVALID;

  @Override
  public String bundle() {
    return "p5";
  }
}
