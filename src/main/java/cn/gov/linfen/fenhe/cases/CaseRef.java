package cn.gov.linfen.fenhe.cases;

/**
 * A case the caller may see: the root process instance with this business key, and how the caller
 * takes part in it.
 *
 * @param ended whether the case's process instance has ended (completed, withdrawn or cancelled)
 */
public record CaseRef(
    String businessKey,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String startUserId,
    boolean ended,
    CaseRole role) {

  /**
   * Applicants and officers act on a case (each on his own steps); readers and supervisors read.
   */
  public boolean mayAct() {
    return role == CaseRole.APPLICANT || role == CaseRole.OFFICER;
  }
}
