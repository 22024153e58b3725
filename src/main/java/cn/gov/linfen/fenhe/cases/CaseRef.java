package cn.gov.linfen.fenhe.cases;

/** A case the caller may see, found by its business key. STUB until the lead's lands on main. */
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
