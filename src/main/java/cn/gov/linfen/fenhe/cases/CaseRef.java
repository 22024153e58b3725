package cn.gov.linfen.fenhe.cases;

/** STUB until the lead's cases package lands on main. */
public record CaseRef(
    String businessKey,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String startUserId,
    boolean ended,
    CaseRole role) {
  public boolean mayAct() {
    return role == CaseRole.APPLICANT || role == CaseRole.OFFICER;
  }
}
