package cn.gov.linfen.fenhe.cases;

/** STUB until the lead's cases package lands on main. */
public enum CaseRole {
  APPLICANT,
  OFFICER,
  READER,
  SUPERVISOR
}
