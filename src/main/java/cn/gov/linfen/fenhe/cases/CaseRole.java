package cn.gov.linfen.fenhe.cases;

/** How the caller takes part in a case. STUB until the lead's lands on main. */
public enum CaseRole {
  APPLICANT,
  OFFICER,
  READER,
  SUPERVISOR
}
