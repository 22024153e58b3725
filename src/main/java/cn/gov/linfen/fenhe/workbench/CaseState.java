package cn.gov.linfen.fenhe.workbench;

import java.util.Arrays;

/** The state of a case as the workbench shows it. */
public enum CaseState {
  RUNNING("running", "办理中"),
  COMPLETED("completed", "已办结"),
  WITHDRAWN("withdrawn", "已撤回"),
  TERMINATED("terminated", "已终止");

  private final String code;
  private final String label;

  CaseState(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The JSON value. */
  public String code() {
    return code;
  }

  /** What a person reads. */
  public String label() {
    return label;
  }

  public static CaseState byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
  }
}
