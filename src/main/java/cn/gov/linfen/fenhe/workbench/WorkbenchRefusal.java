package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * The refusal texts of the workbench (工作台): lists, case view, notifications. The texts, Chinese and
 * English side by side, are in {@code src/main/resources/refusals/workbench.properties}.
 */
public enum WorkbenchRefusal implements RefusalText {
  PAGE_NEGATIVE,
  PAGE_SIZE_OUT_OF_RANGE,
  PAGE_TOO_LARGE,
  SEARCH_TOO_LONG,
  NOTIFICATION_NOT_FOUND;

  @Override
  public String bundle() {
    return "workbench";
  }
}
