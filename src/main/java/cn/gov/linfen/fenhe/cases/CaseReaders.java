package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.security.FenheUser;

/** More readers of a case (e.g. the workbench's 抄送): any number of beans. */
public interface CaseReaders {
  boolean reads(FenheUser user, String processInstanceId);
}
