package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * The refusal texts of the workbench's task actions, Chinese and English side by side in {@code
 * src/main/resources/refusals/workbench-actions.properties}.
 */
public enum ActionRefusal implements RefusalText {
  TASK_NOT_FOUND,
  CASE_NOT_FOUND,
  SUPERVISORS_READ_ONLY,
  READERS_READ_ONLY,
  NOT_HOLDER,
  NOT_CANDIDATE,
  ALREADY_CLAIMED,
  NOT_CLAIMABLE,
  REQUIRED,
  TOO_LONG,
  USER_UNKNOWN,
  USER_NOT_IN_CANDIDATE_GROUPS,
  USER_IS_SELF,
  TASK_DELEGATED,
  RESOLVE_INSTEAD,
  NOT_DELEGATED,
  POSITION_INVALID,
  SIGNER_ALREADY_ADDED,
  AFTER_SIGNER_EXISTS,
  SIGNER_NOT_PENDING,
  OPEN_BEFORE_SIGNERS,
  AFTER_SIGNER_PENDING,
  SIGNER_TASK,
  CC_NOBODY,
  GROUP_UNKNOWN,
  URGE_TOO_SOON,
  URGE_OWN_TASK,
  RETURN_TARGET_INVALID,
  WITHDRAW_APPLICANT_ONLY,
  WITHDRAW_NOT_ALLOWED;

  @Override
  public String bundle() {
    return "workbench-actions";
  }
}
