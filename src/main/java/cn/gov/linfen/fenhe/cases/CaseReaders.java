package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.security.FenheUser;

/**
 * More readers of a case than its participants, for example the users a case was copied to (抄送).
 * Any number of Spring beans; a reader reads the case and never acts on it.
 */
public interface CaseReaders {

  /** Whether the user may read the case of this (root) process instance. */
  boolean reads(FenheUser user, String processInstanceId);
}
