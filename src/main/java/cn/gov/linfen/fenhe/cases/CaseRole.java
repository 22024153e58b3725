package cn.gov.linfen.fenhe.cases;

/** How a user takes part in a case: what he may read and whether he may act. */
public enum CaseRole {
  /** Started the case (the applicant): reads it, acts on his own steps. */
  APPLICANT,
  /** Holds or held a step of the case, or is in a candidate group of one: reads it, acts. */
  OFFICER,
  /** Was given the case to read (抄送): reads it, never acts. */
  READER,
  /** A supervisor or administrator: reads every case, never acts through the case screens. */
  SUPERVISOR
}
